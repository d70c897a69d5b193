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

    /// <summary>The claim that says the session was signed in by the single sign-on provider (its value: the issuer).</summary>
    public const string ProviderClaim = "trustadvisor:provider";

    public static Guid? IdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(SessionClaim), out var id) ? id : null;

    /// <summary>The claims a session's cookie carries besides the person's own: its id, and the provider that signed it in.</summary>
    public static IReadOnlyList<Claim> ClaimsOf(Guid sessionId, string? providerIssuer) => providerIssuer is null
        ? [new Claim(SessionClaim, sessionId.ToString())]
        : [new Claim(SessionClaim, sessionId.ToString()), new Claim(ProviderClaim, providerIssuer)];

    /// <summary>
    /// A new session for the person on this device, and its cookie; <paramref name="provider"/> when the single
    /// sign-on provider signed them in (its issuer and its own session id, for its single sign-out).
    /// </summary>
    public async Task SignInAsync(AppUser person, bool keepSignedIn, ProviderSession? provider = null)
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
            ConfirmedAt = now,
            ExpiresAt = now + options.Value.AbsoluteLifetime,
            KeepSignedIn = keepSignedIn,
            Device = DeviceName.From(context.Request.Headers.UserAgent.ToString()),
            Address = address is { Length: > UserSession.AddressMaxLength } ? address[..UserSession.AddressMaxLength] : address,
            ProviderIssuer = provider?.Issuer,
            ProviderSessionId = provider?.SessionId,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(CancellationToken.None);
        var properties = new AuthenticationProperties
        {
            IsPersistent = keepSignedIn,
            ExpiresUtc = new DateTimeOffset(session.ExpiresAt, TimeSpan.Zero),
            AllowRefresh = false,
        };
        await signIn.SignInWithClaimsAsync(person, properties, ClaimsOf(session.Id, provider?.Issuer));
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
            await signIn.SignInWithClaimsAsync(person, properties, ClaimsOf(sessionId, current.Principal!.FindFirstValue(ProviderClaim)));
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

    /// <summary>The person proved who they are again on this device's session (ConfirmFirst).</summary>
    public Task ConfirmAsync(Guid sessionId)
    {
        var now = time.UtcNow();
        return db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmedAt, now), CancellationToken.None);
    }

    /// <summary>Ends one of the person's sessions; false if it is not theirs or already ended.</summary>
    public async Task<bool> EndAsync(Guid personId, Guid sessionId) => await EndAsync(s => s.UserId == personId && s.Id == sessionId) == 1;

    /// <summary>Ends every open session of the person but <paramref name="keep"/>; returns how many.</summary>
    public Task<int> EndAllAsync(Guid personId, Guid? keep = null) => EndAsync(s => s.UserId == personId && s.Id != keep);

    /// <summary>Ends the open sessions the provider's session signed in (its single sign-out); returns whose they were.</summary>
    public async Task<IReadOnlyList<Guid>> EndSignedInByProviderAsync(string issuer, string providerSessionId)
    {
        var people = await db.UserSessions
            .Where(s => s.ProviderSessionId == providerSessionId && s.ProviderIssuer == issuer && s.EndedAt == null)
            .Select(s => s.UserId).Distinct().ToListAsync();
        await EndAsync(s => s.ProviderSessionId == providerSessionId && s.ProviderIssuer == issuer);
        return people;
    }

    private Task<int> EndAsync(System.Linq.Expressions.Expression<Func<UserSession, bool>> which)
    {
        var now = time.UtcNow();
        return db.UserSessions.Where(which).Where(s => s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), CancellationToken.None);
    }
}

/// <summary>The single sign-on provider's side of a session: its issuer, and its own session id if it gave one.</summary>
public sealed record ProviderSession(string Issuer, string? SessionId);
