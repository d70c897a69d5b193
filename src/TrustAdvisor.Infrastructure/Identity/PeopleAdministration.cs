using Microsoft.AspNetCore.Identity;

namespace TrustAdvisor.Infrastructure.Identity;

/// <summary>What an administrator does to people's accounts, each in one place.</summary>
public static class PeopleAdministration
{
    /// <summary>
    /// The person can no longer sign in, and sessions they already have end at their next request (the security
    /// stamp changes and every request checks it). Their assessments and history stay, attributed to them.
    /// </summary>
    public static async Task<IdentityResult> SetActiveAsync(UserManager<AppUser> users, AppUser person, bool active)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(person);
        person.IsActive = active;
        var updated = await users.UpdateAsync(person);
        return updated.Succeeded ? await users.UpdateSecurityStampAsync(person) : updated;
    }

    /// <summary>
    /// Two-factor off, with a new authenticator key for next time and no recovery codes left: by the person, or an
    /// administrator's reset. The security stamp changes, so other sessions end.
    /// </summary>
    public static async Task TurnOffTwoFactorAsync(UserManager<AppUser> users, AppUser person)
    {
        ArgumentNullException.ThrowIfNull(users);
        await users.SetTwoFactorEnabledAsync(person, false);
        await users.ResetAuthenticatorKeyAsync(person);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(person, 0);
    }
}
