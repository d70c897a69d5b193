using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Mail.ClientPulses;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>"Deleting" a relationship archives it: nothing about it is ever removed.</summary>
public sealed class ArchiveModel(TrustAdvisorDbContext db, TimeProvider time) : PageModel
{
    public string ClientOrganisation { get; private set; } = string.Empty;
    public string ContactName { get; private set; } = string.Empty;
    public int AssessmentCount { get; private set; }
    public bool IsArchived { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await db.Relationships.Where(r => r.Id == id)
            .Select(r => new
            {
                ClientOrganisation = r.Contact.Organisation.Name,
                ContactName = r.Contact.Name,
                r.ArchivedAt,
                Assessments = db.Assessments.Count(a => a.RelationshipId == r.Id && a.SupersededAt == null),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        (ClientOrganisation, ContactName, AssessmentCount, IsArchived) =
            (found.ClientOrganisation, found.ContactName, found.Assessments, found.ArchivedAt is not null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var relationship = await db.Relationships.Include(r => r.Contact).ThenInclude(c => c.Organisation).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (relationship is null)
        {
            return NotFound();
        }

        // Archiving twice (a double click) is the same as archiving once.
        relationship.Archive(time.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await PulseMail.CancelRemindersOfAsync(db, id, CancellationToken.None); // its links stop working
        TempData.Flash($"Archived {relationship.Contact.Organisation.Name}. Its history is kept; restore it from the archived list.");
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, CancellationToken cancellationToken)
    {
        var relationship = await db.Relationships.Include(r => r.Contact).ThenInclude(c => c.Organisation).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (relationship is null)
        {
            return NotFound();
        }

        relationship.Restore();
        await db.SaveChangesAsync(cancellationToken);
        TempData.Flash($"Restored {relationship.Contact.Organisation.Name}.");
        return RedirectToPage("Details", new { id });
    }
}
