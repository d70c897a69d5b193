using System.Security.Claims;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Infrastructure;

/// <summary>The viewer of a request: the signed-in person as their cookie describes them; outside a request, the system.</summary>
internal sealed class SignedInViewer(IHttpContextAccessor http) : IViewerAccessor
{
    private (ClaimsPrincipal User, Viewer Viewer)? _last;

    public Viewer Current
    {
        get
        {
            if (http.HttpContext is not { } context)
            {
                return Viewer.System;
            }

            // The user changes once per request (when the cookie is read); the claims are parsed once per user.
            if (_last is not { } last || !ReferenceEquals(last.User, context.User))
            {
                _last = (context.User, From(context.User));
            }

            return _last.Value.Viewer;
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
        return new Viewer(userId, team, role, SeesAll: role == UserRole.Administrator);
    }
}
