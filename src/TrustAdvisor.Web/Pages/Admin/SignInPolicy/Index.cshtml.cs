using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;
using TrustAdvisor.Web.Security.SingleSignOn;
using Policy = TrustAdvisor.Infrastructure.Identity.SignInPolicy;

namespace TrustAdvisor.Web.Pages.Admin.SignInPolicy;

/// <summary>
/// Administrators: who must sign in with two factors (people without it set it up at their next sign-in), and, once
/// single sign-on works, whether anyone but administrators may still use a password.
/// </summary>
public sealed class IndexModel(
    TrustAdvisorDbContext db, UserManager<AppUser> users, TimeProvider time, AuditTrail audit, IOptions<SingleSignOnOptions> singleSignOn) : PageModel
{
    public static readonly IReadOnlyList<(TwoFactorRequirement Value, string Label, string Hint)> Choices =
    [
        (TwoFactorRequirement.Nobody, "Nobody is required to", "Each person chooses under Your settings."),
        (TwoFactorRequirement.ManagersAndAdministrators, "Managers and administrators", "They see a whole team's or the firm's clients."),
        (TwoFactorRequirement.Everyone, "Everyone", "Every person, advisors included."),
    ];

    [BindProperty]
    public string? TwoFactorRequiredFor { get; set; }

    [BindProperty]
    public string? PasswordsFor { get; set; }

    /// <summary>Active people the current rule asks to set it up who have not yet.</summary>
    public int NotSetUp { get; private set; }

    /// <summary>The single sign-on provider's name; null when it is off (passwords are then everyone's way in).</summary>
    public string? Provider => singleSignOn.Value.IsOn ? singleSignOn.Value.DisplayName : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await Policy.CurrentAsync(db, cancellationToken);
        TwoFactorRequiredFor = current.TwoFactorRequiredFor.ToString();
        PasswordsFor = current.PasswordsFor.ToString();
        NotSetUp = await CountNotSetUpAsync(current, cancellationToken);
    }

    [ConfirmFirst]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<TwoFactorRequirement>(TwoFactorRequiredFor, ignoreCase: false, out var twoFactor) || !Enum.IsDefined(twoFactor))
        {
            ModelState.AddModelError(nameof(TwoFactorRequiredFor), "Choose who must use two-factor sign-in.");
        }

        var passwords = PasswordSignIn.Everyone;
        if (PasswordsFor is not null && (!Enum.TryParse(PasswordsFor, ignoreCase: false, out passwords) || !Enum.IsDefined(passwords)))
        {
            ModelState.AddModelError(nameof(PasswordsFor), "Choose who may sign in with a password.");
        }
        else if (passwords == PasswordSignIn.AdministratorsOnly && await WhyPasswordsCannotGoAsync(cancellationToken) is { } why)
        {
            ModelState.AddModelError(nameof(PasswordsFor), why);
        }

        if (!ModelState.IsValid)
        {
            NotSetUp = await CountNotSetUpAsync(await Policy.CurrentAsync(db, cancellationToken), cancellationToken);
            return Page();
        }

        var policy = await db.SignInPolicies.Where(p => p.Id == Policy.TheOne).FirstOrDefaultAsync(cancellationToken);
        if (policy is null)
        {
            policy = new Policy();
            db.SignInPolicies.Add(policy);
        }

        var passwordsChanged = policy.PasswordsFor != passwords;
        policy.TwoFactorRequiredFor = twoFactor;
        policy.PasswordsFor = passwords;
        policy.ChangedAt = time.GetUtcNow().UtcDateTime;
        policy.ChangedBy = Guid.TryParse(users.GetUserId(User), out var me) ? me : null;
        audit.Add(AuditKind.TwoFactorRequired, null, $"Two-factor required of: {Choices.Single(c => c.Value == twoFactor).Label}");
        if (passwordsChanged)
        {
            audit.Add(AuditKind.PasswordSignInChanged, null, passwords == PasswordSignIn.Everyone
                ? "Everyone may sign in with a password"
                : $"Only administrators may sign in with a password; everyone else with {Provider}");
        }

        await db.SaveChangesAsync(CancellationToken.None);
        var ended = passwordsChanged && passwords == PasswordSignIn.AdministratorsOnly ? await EndPasswordSessionsAsync() : 0;
        var waiting = await CountNotSetUpAsync(policy, cancellationToken);
        TempData.Flash((waiting == 0 ? "Saved." : $"Saved. {waiting} {(waiting == 1 ? "person has" : "people have")} not set up two-factor sign-in yet: they are asked to at their next sign-in.")
            + (ended > 0 ? $" {ended} password {(ended == 1 ? "session" : "sessions")} of people who now sign in with {Provider} ended." : ""));
        return RedirectToPage();
    }

    /// <summary>
    /// Passwords go only once single sign-on works (someone has signed in through it) and the administrator turning them
    /// off keeps a way in that survives a provider outage: their own password with two-factor.
    /// </summary>
    private async Task<string?> WhyPasswordsCannotGoAsync(CancellationToken cancellationToken)
    {
        if (Provider is null)
        {
            return "Single sign-on is not configured: passwords are everyone's way in (docs/single-sign-on.md says how to set it up).";
        }

        if (!await db.UserLogins.AnyAsync(cancellationToken))
        {
            return $"Nobody has signed in with {Provider} yet: try it first, then turn passwords off.";
        }

        var me = await users.GetUserAsync(User);
        return me is { TwoFactorEnabled: true } ? null
            : "Turn on two-factor sign-in for yourself first (Your settings): your password stays the way in if single sign-on is down.";
    }

    /// <summary>Sessions signed in with a password by people who may no longer use one end now, not at their idle time.</summary>
    private Task<int> EndPasswordSessionsAsync()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.UserSessions
            .Where(s => s.EndedAt == null && s.ProviderIssuer == null
                && db.Users.Any(u => u.Id == s.UserId && u.Role != Infrastructure.Identity.UserRole.Administrator))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), CancellationToken.None);
    }

    /// <summary>Active people without two-factor whom the rule asks for it, counted by role through the rule itself.</summary>
    private async Task<int> CountNotSetUpAsync(Policy policy, CancellationToken cancellationToken)
    {
        var byRole = await db.Users.Where(u => u.IsActive && !u.TwoFactorEnabled)
            .GroupBy(u => u.Role).Select(g => new { Role = g.Key, People = g.Count() })
            .ToListAsync(cancellationToken);
        return byRole.Where(r => policy.RequiresTwoFactor(r.Role)).Sum(r => r.People);
    }
}
