using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Clients;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Relationships;

public sealed class EditModel(TrustAdvisorDbContext db, IValidator<RelationshipInput> validator, TimeProvider time) : PageModel
{
    private IQueryable<Relationship> WithClient => db.Relationships.Include(r => r.Contact).ThenInclude(c => c.Organisation);

    [BindProperty]
    public RelationshipInput Input { get; set; } = new();

    /// <summary>The version the form was filled in from; saving over a newer one is refused.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public string ClientOrganisation { get; private set; } = string.Empty;

    /// <summary>What someone else saved meanwhile, shown beside the conflict message.</summary>
    public RelationshipInput? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var relationship = await WithClient.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (relationship is null)
        {
            return NotFound();
        }

        if (relationship.IsArchived)
        {
            TempData.Flash(ArchivedGuard.Notice("edit it"));
            return RedirectToPage("Details", new { id });
        }

        Input = RelationshipInput.From(relationship);
        Version = relationship.Version;
        ClientOrganisation = relationship.Contact.Organisation.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var relationship = await WithClient.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (relationship is null)
        {
            return NotFound();
        }

        ClientOrganisation = relationship.Contact.Organisation.Name;
        if (ModelState.RefuseArchived(relationship.IsArchived, "edit it"))
        {
            return Page();
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        if (relationship.Version != Version)
        {
            return Conflict(RelationshipInput.From(relationship), relationship.Version);
        }

        db.Entry(relationship).Property(r => r.Version).OriginalValue = Version;
        var details = Input.ToDetails();
        var contact = await ClientDirectory.ContactForAsync(db, details, relationship.Contact, time.UtcNow(), cancellationToken);
        relationship.Update(contact, details.Stage, details.NextReviewDate);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveOnce.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, "Someone added the same client at the same moment, so nothing was saved. Save again.");
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await WithClient.AsNoTracking().FirstAsync(r => r.Id == id, cancellationToken);
            return Conflict(RelationshipInput.From(current), current.Version);
        }

        TempData.Flash("Saved the relationship's details.");
        return RedirectToPage("Details", new { id });
    }

    /// <summary>Keeps what the user typed, shows what is stored now, and lets a second save overwrite it knowingly.</summary>
    private PageResult Conflict(RelationshipInput theirs, Guid currentVersion)
    {
        Theirs = theirs;
        Version = currentVersion;
        ModelState.Remove(nameof(Version));
        ModelState.AddModelError(
            string.Empty,
            "Someone else changed this relationship while you were editing it, so nothing was saved. " +
            "Their version is shown below; save again to replace it with yours.");
        return Page();
    }
}
