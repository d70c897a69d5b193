using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TrustAdvisor.Infrastructure.Identity;

/// <summary>Puts the person's role and display name into their sign-in cookie.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string DisplayNameClaim = "trustadvisor:display_name";
    public const string TeamClaim = "trustadvisor:team";

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
        return identity;
    }
}

/// <summary>Only active people may sign in (Identity asks this when RequireConfirmedAccount is on).</summary>
public sealed class ActiveUserConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(user?.IsActive == true);
}
