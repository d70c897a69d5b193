using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Identity;

/// <summary>Who must sign in with two factors: set by an administrator for the whole installation.</summary>
public enum TwoFactorRequirement
{
    Nobody,
    ManagersAndAdministrators,
    Everyone,
}

/// <summary>Who may sign in with a password: everyone, or (once single sign-on works) administrators alone, as break-glass.</summary>
public enum PasswordSignIn
{
    Everyone,
    AdministratorsOnly,
}

/// <summary>
/// The installation's sign-in rules, one row (none until an administrator first saves them, which reads as
/// <see cref="TwoFactorRequirement.Nobody"/>).
/// </summary>
public sealed class SignInPolicy
{
    public const int TheOne = 1;

    public int Id { get; init; } = TheOne;

    public TwoFactorRequirement TwoFactorRequiredFor { get; set; }

    public PasswordSignIn PasswordsFor { get; set; }

    public DateTime ChangedAt { get; set; }

    public Guid? ChangedBy { get; set; }

    /// <summary>The rules in force (no row yet: nobody must use two-factor, and everyone may use a password).</summary>
    public static async Task<SignInPolicy> CurrentAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.SignInPolicies.AsNoTracking().Where(p => p.Id == TheOne).FirstOrDefaultAsync(cancellationToken) ?? new SignInPolicy();
    }

    public bool MaySignInWithPassword(UserRole role) => PasswordsFor == PasswordSignIn.Everyone || role == UserRole.Administrator;

    /// <summary>
    /// Whether a person of this role must sign in with a second factor: as the administrator chose, and always for an
    /// administrator whose password is the break-glass way in once everyone else uses single sign-on.
    /// </summary>
    public bool RequiresTwoFactor(UserRole role) => TwoFactorRequiredFor switch
    {
        TwoFactorRequirement.Everyone => true,
        TwoFactorRequirement.ManagersAndAdministrators => role is UserRole.Manager or UserRole.Administrator,
        _ => PasswordsFor == PasswordSignIn.AdministratorsOnly && role == UserRole.Administrator,
    };
}
