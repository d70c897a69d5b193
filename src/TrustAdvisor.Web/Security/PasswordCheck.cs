using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Security;

/// <summary>Why a password check failed, for the audit log only: the person is told the same thing in every case.</summary>
public enum PasswordCheckFailure
{
    None,
    UnknownAccount,
    WrongPassword,
    TooManyFromThisAddress,
    AccountLocked,
    NotActive,
    WrongCode,
}

/// <summary>The outcome of a password check; <c>LockedNow</c> when this failure locked the account.</summary>
public sealed record PasswordCheckResult(AppUser? Person, PasswordCheckFailure Failure, bool LockedNow)
{
    public bool Passed => Failure == PasswordCheckFailure.None;
}

/// <summary>
/// The one password check of sign-in and of Change password, built so that it gives nothing away and cannot be used to
/// keep someone else out (docs/decisions/0016-sign-in-throttling.md):
/// the password hash is computed whether or not the account exists, is held back or locked; failures are counted per
/// account and address (five in 15 minutes hold that address back for that account only, whatever the password) and
/// per account from anywhere (fifty in an hour lock the account for five minutes, which one address alone cannot
/// reach); the caller says the same thing for every failure.
/// </summary>
public sealed class PasswordCheck(
    UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, TrustAdvisorDbContext db, IHttpContextAccessor http, TimeProvider time,
    Mail.AccountNotices.SecurityNotices notices)
{
    public const int FailuresPerAddress = 5;
    public static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(15);
    public const int FailuresPerAccount = 50;
    public static readonly TimeSpan AccountWindow = TimeSpan.FromHours(1);
    public static readonly TimeSpan AccountLock = TimeSpan.FromMinutes(5);

    private static readonly AppUser Nobody = new();
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    /// <summary>Checks the password typed for the account typed (an email), or for the signed-in person.</summary>
    public async Task<PasswordCheckResult> CheckAsync(string login, AppUser? person, string password, CancellationToken cancellationToken = default)
    {
        var key = AccountKey(login);
        var address = Address();
        var now = time.UtcNow();

        // Always hash: an unknown address, a held-back one and a locked account take as long as a wrong password.
        bool right;
        if (person is null)
        {
            _ = hasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password);
            right = false;
        }
        else
        {
            right = await users.CheckPasswordAsync(person, password);
        }

        var heldBack = await HeldBackAsync(key, address, now, cancellationToken);
        var failure = person is null ? PasswordCheckFailure.UnknownAccount
            : heldBack ? PasswordCheckFailure.TooManyFromThisAddress
            : person.LockoutEnd > time.GetUtcNow() ? PasswordCheckFailure.AccountLocked
            : !right ? PasswordCheckFailure.WrongPassword
            : !person.IsActive ? PasswordCheckFailure.NotActive
            : PasswordCheckFailure.None;

        if (failure == PasswordCheckFailure.None)
        {
            await db.SignInFailures.Where(f => f.AccountKey == key && f.Address == address).ExecuteDeleteAsync(cancellationToken);
            return new PasswordCheckResult(person, failure, LockedNow: false);
        }

        // A held-back attempt is not counted again: so one address adds at most a few failures to the account's count
        // an hour, never enough to lock it for everyone.
        var lockedNow = failure != PasswordCheckFailure.TooManyFromThisAddress && await RecordAsync(key, address, person, now, cancellationToken);
        return new PasswordCheckResult(person, failure, lockedNow);
    }

    /// <summary>
    /// The second step of sign-in (an authenticator or recovery code), counted with the password's failures: a held-back
    /// address or a locked account is refused before the code is looked at, so no recovery code is spent on it.
    /// </summary>
    public async Task<PasswordCheckFailure> CheckCodeAsync(AppUser person, Func<Task<bool>> verify, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(verify);
        var key = AccountKey(person.UserName!);
        var address = Address();
        var now = time.UtcNow();
        var failure = await HeldBackAsync(key, address, now, cancellationToken) ? PasswordCheckFailure.TooManyFromThisAddress
            : person.LockoutEnd > time.GetUtcNow() ? PasswordCheckFailure.AccountLocked
            : !person.IsActive ? PasswordCheckFailure.NotActive
            : !await verify() ? PasswordCheckFailure.WrongCode
            : PasswordCheckFailure.None;
        if (failure == PasswordCheckFailure.None)
        {
            await db.SignInFailures.Where(f => f.AccountKey == key && f.Address == address).ExecuteDeleteAsync(cancellationToken);
        }
        else if (failure == PasswordCheckFailure.WrongCode)
        {
            await RecordAsync(key, address, person, now, cancellationToken);
        }

        return failure;
    }

    private async Task<bool> HeldBackAsync(string key, string address, DateTime now, CancellationToken cancellationToken) =>
        await db.SignInFailures.CountAsync(
            f => f.AccountKey == key && f.Address == address && f.At > now - AddressWindow, cancellationToken) >= FailuresPerAddress;

    private async Task<bool> RecordAsync(string key, string address, AppUser? person, DateTime now, CancellationToken cancellationToken)
    {
        await db.SignInFailures.Where(f => f.At <= now - AccountWindow).ExecuteDeleteAsync(cancellationToken);
        db.SignInFailures.Add(new SignInFailure { Id = time.NewId(), AccountKey = key, Address = address, At = now });
        await db.SaveChangesAsync(CancellationToken.None);
        if (person is null || person.LockoutEnd > time.GetUtcNow()
            || await db.SignInFailures.CountAsync(f => f.AccountKey == key && f.At > now - AccountWindow, cancellationToken) < FailuresPerAccount)
        {
            return false;
        }

        await users.SetLockoutEndDateAsync(person, time.GetUtcNow() + AccountLock);
        await notices.AccountLockedAsync(person, AccountLock, CancellationToken.None);
        return true;
    }

    /// <summary>Forgets the account's failures from every address (its owner proved they read its mailbox).</summary>
    public Task ForgetFailuresAsync(string login, CancellationToken cancellationToken)
    {
        var key = AccountKey(login);
        return db.SignInFailures.Where(f => f.AccountKey == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>What is typed, trimmed and case-folded, hashed: an account's key whether or not the account exists.</summary>
    public static string AccountKey(string login) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(login.Trim().ToUpperInvariant())));

    private string Address()
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return address.Length > SignInFailure.AddressMaxLength ? address[..SignInFailure.AddressMaxLength] : address;
    }
}
