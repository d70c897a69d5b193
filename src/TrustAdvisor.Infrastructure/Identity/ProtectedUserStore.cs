using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Identity;

/// <summary>
/// Identity's EF Core store, with the two-factor secrets kept so that a copy of the database alone cannot be used to
/// sign in: the authenticator key is encrypted with the app's data protection keys (which are themselves encrypted
/// at rest), and recovery codes are kept only as keyed hashes (Identity would keep both in plain text).
/// </summary>
public sealed class ProtectedUserStore(TrustAdvisorDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<AppUser, TrustAdvisorDbContext, Guid>(context, describer)
{
    /// <summary>Where Identity's store keeps the recovery codes (its own names, which it does not make public).</summary>
    private const string IdentityProvider = "[AspNetUserStore]";
    private const string RecoveryCodesToken = "RecoveryCodes";

    private readonly IDataProtector _keys = protection.CreateProtector("TrustAdvisor.AuthenticatorKey");

    public override Task SetAuthenticatorKeyAsync(AppUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, _keys.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(AppUser user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        try
        {
            return stored is null ? null : _keys.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            // The Data Protection keys it was sealed with are gone: no code matches, and a recovery code or an
            // administrator's reset is the way back in (as after a lost phone).
            return null;
        }
    }

    public override Task ReplaceCodesAsync(AppUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return base.ReplaceCodesAsync(user, recoveryCodes.Select(code => Hash(user, code)), cancellationToken);
    }

    /// <summary>Spends a code: Identity's own would pass the hashes that are left back through <see cref="ReplaceCodesAsync"/>, hashing them again.</summary>
    public override async Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var hash = Hash(user, code);
        var kept = (await GetTokenAsync(user, IdentityProvider, RecoveryCodesToken, cancellationToken) ?? string.Empty).Split(';');
        if (!kept.Contains(hash))
        {
            return false;
        }

        await SetTokenAsync(user, IdentityProvider, RecoveryCodesToken, string.Join(';', kept.Where(k => k != hash)), cancellationToken);
        return true;
    }

    /// <summary>A recovery code as kept: keyed by the person, so one list of hashes cannot be matched against another's.</summary>
    private static string Hash(AppUser user, string code) =>
        Convert.ToHexString(HMACSHA256.HashData(user.Id.ToByteArray(), Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())));
}
