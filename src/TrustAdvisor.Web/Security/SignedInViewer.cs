using System.Security.Claims;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Security;

/// <summary>The viewer of a request: the signed-in person as their cookie describes them; outside a request, the system.</summary>
internal sealed class SignedInViewer(IHttpContextAccessor http) : IViewerAccessor
{
    // One reference, replaced whole: the contexts of a request's side-by-side queries read it from several threads.
    private Parsed? _last;

    public Viewer Current
    {
        get
        {
            if (http.HttpContext is not { } context)
            {
                return Viewer.System;
            }

            // The user changes once per request (when the cookie is read); the claims are parsed once per user.
            var last = _last;
            if (last is null || !ReferenceEquals(last.User, context.User))
            {
                last = new Parsed(context.User, From(context.User));
                _last = last;
            }

            return last.Viewer;
        }
    }

    public static Viewer From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Enum.TryParse<UserRole>(user.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return Viewer.Nobody;
        }

        Guid? team = Guid.TryParse(user.FindFirstValue(AppClaimsPrincipalFactory.TeamClaim), out var t) ? t : null;
        var otherTeams = user.FindAll(AppClaimsPrincipalFactory.OtherTeamClaim)
            .Select(c => Guid.TryParse(c.Value, out var other) ? other : (Guid?)null).OfType<Guid>().ToList();
        return new Viewer(userId, team, role, SeesAll: role == UserRole.Administrator, otherTeams);
    }

    private sealed record Parsed(ClaimsPrincipal User, Viewer Viewer);
}
