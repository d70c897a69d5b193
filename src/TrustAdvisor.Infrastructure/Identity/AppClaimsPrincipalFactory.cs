using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Identity;

/// <summary>
/// Puts the person's role, team (and for a manager, the other teams they look after) and display name into their
/// sign-in cookie, and whether they must set up two-factor
/// before anything else (the installation requires it of their role and they have not: read at sign-in and whenever
/// the cookie is issued again, so setting it up lifts it at once).
/// </summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, TrustAdvisorDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string DisplayNameClaim = "trustadvisor:display_name";
    public const string TeamClaim = "trustadvisor:team";
    public const string OtherTeamClaim = "trustadvisor:other_team";
    public const string MustSetUpTwoFactorClaim = "trustadvisor:must_set_up_two_factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.TeamId is { } team)
        {
            identity.AddClaim(new Claim(TeamClaim, team.ToString()));
        }

        if (user.Role == UserRole.Manager)
        {
            identity.AddClaims((await ManagedTeam.OtherTeamsOfAsync(db, user.Id)).Order().Select(t => new Claim(OtherTeamClaim, t.ToString())));
        }

        if (!user.TwoFactorEnabled && (await SignInPolicy.CurrentAsync(db)).RequiresTwoFactor(user.Role))
        {
            identity.AddClaim(new Claim(MustSetUpTwoFactorClaim, "true"));
        }

        return identity;
    }
}

/// <summary>Only active people may sign in (Identity asks this when RequireConfirmedAccount is on).</summary>
public sealed class ActiveUserConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(user?.IsActive == true);
}
