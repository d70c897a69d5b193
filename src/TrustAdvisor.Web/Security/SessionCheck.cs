using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// Checks on every request that the session still belongs to an active person whose security stamp is the one the
/// session was issued with: one primary-key read of two columns. Identity's own validator, run on every request,
/// reloads the person and their claims and re-encrypts the cookie each time, which cost most of a signed-in request's
/// CPU (docs/benchmarks.md); every change that must end sessions (deactivation, password reset) rotates the stamp,
/// so comparing it is enough, and the cookie's claims are renewed at the next sign-in.
/// </summary>
internal static class SessionCheck
{
    private static readonly PerProvider<Func<TrustAdvisorDbContext, Guid, string, Task<bool>>> StillValid = new(() => EF.CompileAsyncQuery(
        (TrustAdvisorDbContext db, Guid id, string stamp) => db.Users.Any(u => u.Id == id && u.IsActive && u.SecurityStamp == stamp)));

    /// <summary>Whether the person is still active and their security stamp is still the one given.</summary>
    public static Task<bool> IsCurrentAsync(TrustAdvisorDbContext db, Guid userId, string stamp) => StillValid.For(db)(db, userId, stamp);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        if (Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) && stamp is not null)
        {
            var db = services.GetRequiredService<TrustAdvisorDbContext>();
            bool stillValid;
            try
            {
                stillValid = await IsCurrentAsync(db, userId, stamp);
            }
            catch (Exception e) when (DatabaseUnavailable.Is(e))
            {
                // Authentication's result is reused when the error page is rendered for this request, so a failure
                // here would fail that page too. Leave the session unchecked: while the database is down no page can
                // read or write anything, and the first page that tries answers 503.
                return;
            }

            if (stillValid)
            {
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
