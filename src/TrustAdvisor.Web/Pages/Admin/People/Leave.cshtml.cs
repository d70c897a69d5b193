using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Admin.People;

/// <summary>
/// Someone leaves the firm, in one step: their relationships handed to a colleague of their team (a hand-off recorded
/// for each), their open client links withdrawn (or left open for the new owner), their calendar address and every
/// session ended, the other teams they looked after as a manager let go, and they are deactivated. All of it or nothing.
/// </summary>
public sealed class LeaveModel(TrustAdvisorDbContext db, UserManager<AppUser> users, TimeProvider time, AuditTrail audit, Sessions sessions) : PageModel
{
    /// <summary>Who takes over their relationships; required when they own any.</summary>
    [BindProperty]
    public Guid? HandTo { get; set; }

    /// <summary>Withdraw the client links they sent that are still open (else the new owner gets the answers).</summary>
    [BindProperty]
    public bool WithdrawClientLinks { get; set; } = true;

    public string DisplayName { get; private set; } = string.Empty;

    public int Relationships { get; private set; }

    public int OpenClientLinks { get; private set; }

    public IReadOnlyList<SelectListItem> Colleagues { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is null ? NotFound() : Page();

    [ConfirmFirst]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        if (person.Id.ToString() == users.GetUserId(User))
        {
            ModelState.AddModelError(string.Empty, "You cannot mark yourself as leaving: another administrator can.");
        }
        else if (Relationships > 0 && Colleagues.Count == 0)
        {
            ModelState.AddModelError(nameof(HandTo), $"Nobody else in their team can take over their {Relationships} relationships: move someone into the team first.");
        }
        else if (Relationships > 0 && (HandTo is not { } to || Colleagues.All(c => c.Value != to.ToString())))
        {
            ModelState.AddModelError(nameof(HandTo), $"Choose who takes over their {Relationships} relationships.");
        }
        else if (Relationships == 0 && HandTo is not null)
        {
            ModelState.AddModelError(nameof(HandTo), "They own no relationships: there is nothing to hand over.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.UtcNow();
        var recipient = Colleagues.FirstOrDefault(c => c.Value == HandTo?.ToString())?.Text;
        int withdrawn;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await HandOverAsync(person, now, cancellationToken);
            withdrawn = WithdrawClientLinks ? await WithdrawOpenLinksAsync(person.Id, now, cancellationToken) : 0;
            // Counted up, so an address copied before stays dead if they are ever reactivated.
            await db.MailPreferences.Where(p => p.UserId == person.Id)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.CalendarVersion, x => x.CalendarVersion + 1), cancellationToken);
            await db.ManagedTeams.Where(m => m.UserId == person.Id).ExecuteDeleteAsync(cancellationToken);
            await PeopleAdministration.SetActiveAsync(users, person, active: false);
            await sessions.EndAllAsync(person.Id);
            audit.Add(AuditKind.Left, person.Id, $"{person.Email}: {Relationships} relationships"
                + (recipient is null ? string.Empty : $" handed to {recipient}") + $", {withdrawn} open client links withdrawn");
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        TempData.Flash($"{person.DisplayName} has left: deactivated, their sessions and calendar address ended"
            + (Relationships > 0 ? $", their {Relationships} relationships handed to {recipient}" : string.Empty)
            + (withdrawn > 0 ? $", {withdrawn} open client {(withdrawn == 1 ? "link" : "links")} withdrawn." : "."));
        return RedirectToPage("Index");
    }

    /// <summary>Each relationship they own to the colleague chosen, in the colleague's team, a hand-off recorded for each.</summary>
    private async Task HandOverAsync(AppUser person, DateTime now, CancellationToken cancellationToken)
    {
        if (HandTo is not { } to)
        {
            return;
        }

        var admin = Guid.Parse(users.GetUserId(User)!);
        var recipientTeam = await db.Users.Where(u => u.Id == to).Select(u => u.TeamId).SingleAsync(cancellationToken);
        foreach (var relationship in await db.Relationships.Include(r => r.Contact).ThenInclude(c => c.Organisation).Where(r => r.OwnerId == person.Id).ToListAsync(cancellationToken))
        {
            db.HandOffs.Add(relationship.HandOffTo(time.NewId(), to, admin, $"{person.DisplayName} left the firm.", now));
            if (recipientTeam is { } team && relationship.TeamId != team)
            {
                relationship.MoveToTeam(team);
            }

            audit.Add(AuditKind.HandOff, relationship.Id, $"{relationship.Contact.Organisation.Name}: to {Colleagues.First(c => c.Value == to.ToString()).Text}");
        }
    }

    private async Task<int> WithdrawOpenLinksAsync(Guid personId, DateTime now, CancellationToken cancellationToken)
    {
        var open = await db.Pulses.Where(p => p.AskedById == personId).Where(Pulse.OpenAt(now)).ToListAsync(cancellationToken);
        foreach (var pulse in open)
        {
            pulse.Withdraw(now);
        }

        return open.Count;
    }

    private async Task<AppUser?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await users.FindByIdAsync(id.ToString());
        if (person is null || Invitations.IsPending(person))
        {
            return null; // an invitation is withdrawn, not left
        }

        var now = time.UtcNow();
        DisplayName = person.DisplayName;
        Relationships = await db.Relationships.CountAsync(r => r.OwnerId == person.Id, cancellationToken);
        OpenClientLinks = await db.Pulses.Where(p => p.AskedById == person.Id).CountAsync(Pulse.OpenAt(now), cancellationToken);
        Colleagues = await People.Colleagues.OfAsync(db, person, cancellationToken);
        return person;
    }
}
