using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// Signing in makes a session record (its id goes into the cookie), and ending one marks it ended: the cookie is then
/// refused on every instance at its next request (SessionCheck). Idle and absolute limits from <see cref="SessionLimits"/>.
/// </summary>
public sealed class Sessions(
    TrustAdvisorDbContext db, SignInManager<AppUser> signIn, IHttpContextAccessor http, TimeProvider time, IOptions<SessionLimits> options)
{
    /// <summary>The claim that names the session a cookie belongs to.</summary>
    public const string SessionClaim = "trustadvisor:session";

    public static Guid? IdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(SessionClaim), out var id) ? id : null;

    /// <summary>A new session for the person on this device, and its cookie.</summary>
    public async Task SignInAsync(AppUser person, bool keepSignedIn)
    {
        ArgumentNullException.ThrowIfNull(person);
        var now = time.UtcNow();
        var context = http.HttpContext!;
        var address = context.Connection.RemoteIpAddress?.ToString();
        var session = new UserSession
        {
            Id = time.NewId(),
            UserId = person.Id,
            StartedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + options.Value.AbsoluteLifetime,
            KeepSignedIn = keepSignedIn,
            Device = DeviceName.From(context.Request.Headers.UserAgent.ToString()),
            Address = address is { Length: > UserSession.AddressMaxLength } ? address[..UserSession.AddressMaxLength] : address,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(CancellationToken.None);
        var properties = new AuthenticationProperties
        {
            IsPersistent = keepSignedIn,
            ExpiresUtc = new DateTimeOffset(session.ExpiresAt, TimeSpan.Zero),
            AllowRefresh = false,
        };
        await signIn.SignInWithClaimsAsync(person, properties, [new Claim(SessionClaim, session.Id.ToString())]);
    }

    /// <summary>
    /// The cookie issued again for the same session with the person's new security stamp (after they changed their
    /// password), so this device stays signed in while every other session ends.
    /// </summary>
    public async Task RenewCookieAsync(AppUser person)
    {
        var context = http.HttpContext!;
        var current = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (IdOf(current.Principal) is { } sessionId && current.Properties is { } properties)
        {
            await signIn.SignInWithClaimsAsync(person, properties, [new Claim(SessionClaim, sessionId.ToString())]);
        }
    }

    /// <summary>Ends this device's session and deletes its cookie.</summary>
    public async Task SignOutAsync()
    {
        if (IdOf(http.HttpContext?.User) is { } current)
        {
            await EndAsync(s => s.Id == current);
        }

        await signIn.SignOutAsync();
    }

    /// <summary>Ends one of the person's sessions; false if it is not theirs or already ended.</summary>
    public async Task<bool> EndAsync(Guid personId, Guid sessionId) => await EndAsync(s => s.UserId == personId && s.Id == sessionId) == 1;

    /// <summary>Ends every open session of the person but <paramref name="keep"/>; returns how many.</summary>
    public Task<int> EndAllAsync(Guid personId, Guid? keep = null) => EndAsync(s => s.UserId == personId && s.Id != keep);

    private Task<int> EndAsync(System.Linq.Expressions.Expression<Func<UserSession, bool>> which)
    {
        var now = time.UtcNow();
        return db.UserSessions.Where(which).Where(s => s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), CancellationToken.None);
    }
}
