using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Mail.PasswordReset;
using TrustAdvisor.Web.Mail.Sending;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Admin.People;

/// <summary>
/// Administrators send someone who forgot their password a link to choose a new one, and unlock them. No administrator
/// sets or learns anyone's password.
/// </summary>
public sealed class PasswordModel(
    UserManager<AppUser> users, TrustAdvisorDbContext db, ResetLinks resetLinks, MailOutbox outbox, AuditTrail audit, IOptions<MailOptions> mail) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public string LinkValidFor => Formatting.Display.Duration(mail.Value.ResetLinkValidFor);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await FindAsync(id) is not { } person)
        {
            return NotFound();
        }

        return Invitations.IsPending(person) ? NotJoinedYet(person) : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id) is not { } person)
        {
            return NotFound();
        }

        if (Invitations.IsPending(person) || !person.IsActive)
        {
            return Invitations.IsPending(person) ? NotJoinedYet(person) : Refuse($"{person.DisplayName} is deactivated: reactivate them first.");
        }

        if (!(await Infrastructure.Identity.SignInPolicy.CurrentAsync(db, cancellationToken)).MaySignInWithPassword(person.Role))
        {
            return Refuse($"{person.DisplayName} signs in with single sign-on: passwords are kept for administrators (Sign-in rules).");
        }

        await users.SetLockoutEndDateAsync(person, null);
        await users.ResetAccessFailedCountAsync(person);
        await resetLinks.AddAsync(person);
        audit.Add(AuditKind.PasswordResetAsked, person.Id, $"{person.Email} (sent by an administrator)");
        await db.SaveChangesAsync(cancellationToken);
        await outbox.DeliverSoonAsync(cancellationToken);
        TempData.Flash($"Sent {person.DisplayName} a link to choose a new password, valid for {LinkValidFor}; their account is unlocked.");
        return RedirectToPage("Index");
    }

    private async Task<AppUser?> FindAsync(Guid id)
    {
        var person = await users.FindByIdAsync(id.ToString());
        DisplayName = person?.DisplayName ?? string.Empty;
        Email = person?.Email ?? string.Empty;
        return person;
    }

    private RedirectToPageResult NotJoinedYet(AppUser person) =>
        Refuse($"{person.DisplayName} has not joined yet: send the invitation again instead.");

    private RedirectToPageResult Refuse(string message)
    {
        TempData.Flash(message);
        return RedirectToPage("Index");
    }
}
