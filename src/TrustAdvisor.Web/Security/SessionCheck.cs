using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// Checks on every request that the cookie's session is still open, within its idle and absolute limits, and belongs
/// to an active person whose security stamp is the one it was issued with: one read by primary key (ADR 7), and for a
/// manager a second, of the other teams they look after. Identity's
/// own validator, run on every request, reloads the person and their claims and re-encrypts the cookie each time, which
/// cost most of a signed-in request's CPU (docs/benchmarks.md). The session's "last seen" is written at most once a
/// minute, so a busy session does not write on every request.
/// </summary>
internal static class SessionCheck
{
    public static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    /// <summary>What the check needs of an open session whose person is active with the given stamp, and their role and team now.</summary>
    public sealed record State(DateTime LastSeenAt, DateTime ExpiresAt, bool KeepSignedIn, UserRole Role, Guid? TeamId);

    private static readonly PerProvider<Func<TrustAdvisorDbContext, Guid, Guid, string, Task<State?>>> OpenSession = new(() => EF.CompileAsyncQuery(
        (TrustAdvisorDbContext db, Guid sessionId, Guid userId, string stamp) => db.UserSessions
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null)
            .Join(db.Users.Where(u => u.Id == userId && u.IsActive && u.SecurityStamp == stamp), s => s.UserId, u => u.Id,
                (s, u) => new State(s.LastSeenAt, s.ExpiresAt, s.KeepSignedIn, u.Role, u.TeamId))
            .FirstOrDefault()));

    // Compiled too: for a manager it runs on every request beside the one above.
    private static readonly PerProvider<Func<TrustAdvisorDbContext, Guid, IAsyncEnumerable<Guid>>> OtherTeams = new(() => EF.CompileAsyncQuery(
        (TrustAdvisorDbContext db, Guid userId) => db.ManagedTeams.Where(m => m.UserId == userId).Select(m => m.TeamId)));

    /// <summary>The session, if it is open and its person active with this stamp; limits are the caller's to apply.</summary>
    public static Task<State?> OpenAsync(TrustAdvisorDbContext db, Guid sessionId, Guid userId, string stamp) =>
        OpenSession.For(db)(db, sessionId, userId, stamp);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        if (Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) && stamp is not null
            && Sessions.IdOf(context.Principal) is { } sessionId)
        {
            var db = services.GetRequiredService<TrustAdvisorDbContext>();
            State? session;
            List<Guid> otherTeams;
            try
            {
                session = await OpenAsync(db, sessionId, userId, stamp);
                otherTeams = session?.Role == UserRole.Manager ? await OtherTeams.For(db)(db, userId).ToListAsync() : [];
            }
            catch (Exception e) when (DatabaseUnavailable.Is(e))
            {
                // Authentication's result is reused when the error page is rendered for this request, so a failure
                // here would fail that page too. Leave the session unchecked: while the database is down no page can
                // read or write anything, and the first page that tries answers 503.
                return;
            }

            var now = services.GetRequiredService<TimeProvider>().UtcNow();
            var limits = services.GetRequiredService<IOptions<SessionLimits>>().Value;
            if (session is not null && now < session.ExpiresAt && (session.KeepSignedIn || now - session.LastSeenAt < limits.IdleTimeout))
            {
                if (now - session.LastSeenAt >= LastSeenPrecision)
                {
                    await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
                }

                if (!SameRoleAndTeams(context.Principal!, session, otherTeams))
                {
                    // An administrator changed the person's role or teams: this request and the cookie carry the new ones.
                    await RenewAsync(context, userId, sessionId);
                }

                return;
            }

            if (session is not null)
            {
                // Timed out: marked ended, so the person's list of sessions says so.
                await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static bool SameRoleAndTeams(ClaimsPrincipal principal, State session, List<Guid> otherTeams) =>
        principal.FindFirstValue(ClaimTypes.Role) == session.Role.ToString()
        && principal.FindFirstValue(AppClaimsPrincipalFactory.TeamClaim) == session.TeamId?.ToString()
        && principal.FindAll(AppClaimsPrincipalFactory.OtherTeamClaim).Select(c => c.Value).Order()
            .SequenceEqual(otherTeams.Select(t => t.ToString()).Order());

    private static async Task RenewAsync(CookieValidatePrincipalContext context, Guid userId, Guid sessionId)
    {
        var services = context.HttpContext.RequestServices;
        if (await services.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId.ToString()) is not { } person)
        {
            return;
        }

        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(person);
        ((ClaimsIdentity)principal.Identity!).AddClaims(Sessions.ClaimsOf(sessionId, context.Principal!.FindFirstValue(Sessions.ProviderClaim)));
        context.ReplacePrincipal(principal);
        context.ShouldRenew = true;
    }
}
