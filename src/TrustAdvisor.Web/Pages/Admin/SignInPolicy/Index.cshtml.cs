using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Admin.SignInPolicy;

/// <summary>Administrators: who must sign in with two factors. People without it set it up at their next sign-in.</summary>
public sealed class IndexModel(TrustAdvisorDbContext db, UserManager<AppUser> users, TimeProvider time, AuditTrail audit) : PageModel
{
    public static readonly IReadOnlyList<(TwoFactorRequirement Value, string Label, string Hint)> Choices =
    [
        (TwoFactorRequirement.Nobody, "Nobody is required to", "Each person chooses under Your settings."),
        (TwoFactorRequirement.ManagersAndAdministrators, "Managers and administrators", "They see a whole team's or the firm's clients."),
        (TwoFactorRequirement.Everyone, "Everyone", "Every person, advisors included."),
    ];

    [BindProperty]
    public string? TwoFactorRequiredFor { get; set; }

    /// <summary>Active people the current rule asks to set it up who have not yet.</summary>
    public int NotSetUp { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        TwoFactorRequiredFor = current.ToString();
        NotSetUp = await CountNotSetUpAsync(current, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<TwoFactorRequirement>(TwoFactorRequiredFor, ignoreCase: false, out var chosen) || !Enum.IsDefined(chosen))
        {
            ModelState.AddModelError(nameof(TwoFactorRequiredFor), "Choose who must use two-factor sign-in.");
            NotSetUp = await CountNotSetUpAsync(await CurrentAsync(cancellationToken), cancellationToken);
            return Page();
        }

        var policy = await db.SignInPolicies.FirstOrDefaultAsync(cancellationToken);
        if (policy is null)
        {
            policy = new Infrastructure.Identity.SignInPolicy();
            db.SignInPolicies.Add(policy);
        }

        policy.TwoFactorRequiredFor = chosen;
        policy.ChangedAt = time.GetUtcNow().UtcDateTime;
        policy.ChangedBy = Guid.TryParse(users.GetUserId(User), out var me) ? me : null;
        await db.SaveChangesAsync(CancellationToken.None);
        await audit.RecordAsync(AuditKind.TwoFactorRequired, null, $"Two-factor required of: {Choices.Single(c => c.Value == chosen).Label}");
        var waiting = await CountNotSetUpAsync(chosen, cancellationToken);
        TempData.Flash(chosen == TwoFactorRequirement.Nobody
            ? "Saved: nobody is required to use two-factor sign-in."
            : $"Saved. {waiting} {(waiting == 1 ? "person has" : "people have")} not set it up yet: they are asked to at their next sign-in.");
        return RedirectToPage();
    }

    private Task<TwoFactorRequirement> CurrentAsync(CancellationToken cancellationToken) =>
        Infrastructure.Identity.SignInPolicy.TwoFactorRequirementAsync(db, cancellationToken);

    /// <summary>Active people without two-factor whom the rule asks for it, counted by role through the rule itself.</summary>
    private async Task<int> CountNotSetUpAsync(TwoFactorRequirement requirement, CancellationToken cancellationToken)
    {
        var byRole = await db.Users.Where(u => u.IsActive && !u.TwoFactorEnabled)
            .GroupBy(u => u.Role).Select(g => new { Role = g.Key, People = g.Count() })
            .ToListAsync(cancellationToken);
        return byRole.Where(r => Infrastructure.Identity.SignInPolicy.RequiresTwoFactor(requirement, r.Role)).Sum(r => r.People);
    }
}
