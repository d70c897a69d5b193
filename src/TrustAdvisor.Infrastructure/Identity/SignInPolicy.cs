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

/// <summary>
/// The installation's sign-in rules, one row (none until an administrator first saves them, which reads as
/// <see cref="TwoFactorRequirement.Nobody"/>).
/// </summary>
public sealed class SignInPolicy
{
    public const int TheOne = 1;

    public int Id { get; init; } = TheOne;

    public TwoFactorRequirement TwoFactorRequiredFor { get; set; }

    public DateTime ChangedAt { get; set; }

    public Guid? ChangedBy { get; set; }

    /// <summary>Who must use two-factor now (no row yet: nobody).</summary>
    public static Task<TwoFactorRequirement> TwoFactorRequirementAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.SignInPolicies.AsNoTracking().Select(p => p.TwoFactorRequiredFor).FirstOrDefaultAsync(cancellationToken);
    }

    public static bool RequiresTwoFactor(TwoFactorRequirement requirement, UserRole role) => requirement switch
    {
        TwoFactorRequirement.Everyone => true,
        TwoFactorRequirement.ManagersAndAdministrators => role is UserRole.Manager or UserRole.Administrator,
        _ => false,
    };
}
