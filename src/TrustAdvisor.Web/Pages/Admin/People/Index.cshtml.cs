using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Admin.People;

/// <summary>Administrators: everyone who can sign in, with their role and team; deactivate, reactivate, unlock, end sessions, reset two-factor.</summary>
public sealed class IndexModel(
    TrustAdvisorDbContext db, UserManager<AppUser> users, TimeProvider time, AuditTrail audit, Sessions sessions, Invitations invitations,
    Web.Mail.AccountNotices.SecurityNotices notices) : PageModel
{
    public IReadOnlyList<Row> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        People = await db.Users.OrderBy(u => u.DisplayName)
            .Select(u => new Row(
                u.Id, u.DisplayName, u.Email!, u.Role, db.Teams.Where(t => t.Id == u.TeamId).Select(t => t.Name).FirstOrDefault(),
                u.IsActive, u.LockoutEnd != null && u.LockoutEnd > now, u.IsDemo, u.TwoFactorEnabled, u.JoinedAt == null,
                db.ManagedTeams.Where(m => m.UserId == u.Id).Join(db.Teams, m => m.TeamId, t => t.Id, (m, t) => t.Name).OrderBy(n => n).ToList()))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id) => ChangeAsync(id, async person =>
    {
        if (person.Id.ToString() == users.GetUserId(User))
        {
            return "You cannot deactivate yourself.";
        }

        await PeopleAdministration.SetActiveAsync(users, person, active: false);
        await sessions.EndAllAsync(person.Id);
        await audit.RecordAsync(AuditKind.Deactivated, person.Id, person.Email);
        return $"Deactivated {person.DisplayName}: they cannot sign in, and their sessions have ended. Their assessments stay.";
    });

    public Task<IActionResult> OnPostReactivateAsync(Guid id) => ChangeAsync(id, async person =>
    {
        await PeopleAdministration.SetActiveAsync(users, person, active: true);
        await audit.RecordAsync(AuditKind.Reactivated, person.Id, person.Email);
        return $"Reactivated {person.DisplayName}.";
    });

    /// <summary>Ends every session of the person (a lost phone, say): they sign in again wherever they are.</summary>
    [ConfirmFirst]
    public Task<IActionResult> OnPostEndSessionsAsync(Guid id) => ChangeAsync(id, async person =>
    {
        var ended = await sessions.EndAllAsync(person.Id);
        await audit.RecordAsync(AuditKind.SessionsEnded, person.Id, $"{person.Email} ({ended} by an administrator)");
        return $"Ended {ended} {(ended == 1 ? "session" : "sessions")} of {person.DisplayName}: they sign in again on every device.";
    });

    /// <summary>
    /// For a person who lost their phone and their recovery codes: two-factor off (a new key when they set it up
    /// again), their sessions ended; their password alone signs them in until they do.
    /// </summary>
    [ConfirmFirst]
    public Task<IActionResult> OnPostResetTwoFactorAsync(Guid id) => ChangeAsync(id, async person =>
    {
        if (!person.TwoFactorEnabled)
        {
            return $"{person.DisplayName} does not use two-factor sign-in: nothing was changed.";
        }

        await PeopleAdministration.TurnOffTwoFactorAsync(users, person);
        await sessions.EndAllAsync(person.Id);
        await notices.TwoFactorResetAsync(person, CancellationToken.None);
        await audit.RecordAsync(AuditKind.TwoFactorReset, person.Id, $"{person.Email} (by an administrator)");
        return $"Two-factor sign-in is reset for {person.DisplayName}: their sessions have ended, and they can set it up again under Your settings.";
    });

    /// <summary>A new invitation link by email (an earlier one stops working); also undoes a withdrawal.</summary>
    public Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken) => ChangeAsync(id, async person =>
    {
        if (!Invitations.IsPending(person))
        {
            return $"{person.DisplayName} has joined already: nothing was sent.";
        }

        await invitations.ResendAsync(person, Invitations.InviterName(User), cancellationToken);
        await audit.RecordAsync(AuditKind.InvitationSent, person.Id, $"{person.Email} (sent again)");
        return $"Sent {person.DisplayName} a new invitation; the earlier link no longer works.";
    });

    public Task<IActionResult> OnPostWithdrawAsync(Guid id) => ChangeAsync(id, async person =>
    {
        if (!Invitations.IsPending(person))
        {
            return $"{person.DisplayName} has joined already: deactivate them instead.";
        }

        await invitations.WithdrawAsync(person);
        await audit.RecordAsync(AuditKind.InvitationWithdrawn, person.Id, person.Email);
        return $"Withdrew the invitation of {person.DisplayName}: its link no longer works.";
    });

    public Task<IActionResult> OnPostUnlockAsync(Guid id) => ChangeAsync(id, async person =>
    {
        await users.SetLockoutEndDateAsync(person, null);
        await users.ResetAccessFailedCountAsync(person);
        return $"Unlocked {person.DisplayName}.";
    });

    private async Task<IActionResult> ChangeAsync(Guid id, Func<AppUser, Task<string>> change)
    {
        var person = await users.FindByIdAsync(id.ToString());
        if (person is null)
        {
            return NotFound();
        }

        TempData.Flash(await change(person));
        return RedirectToPage();
    }

    public sealed record Row(Guid Id, string DisplayName, string Email, UserRole Role, string? Team, bool IsActive, bool IsLockedOut, bool IsDemo, bool TwoFactor, bool Invited,
        List<string> OtherTeams)
    {
        public string Status => (IsActive, Invited) switch
        {
            (true, true) => "Invited, not joined yet",
            (true, false) => "Active",
            (false, true) => "Invitation withdrawn",
            (false, false) => "Deactivated",
        };
    }
}
