using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Commitments;

/// <summary>
/// Settling a promise: kept (on a day), broken, or withdrawn with a reason. Anyone who may see the relationship may settle
/// it; it is settled once (a second post finds it settled and changes nothing), and never on an archived relationship.
/// </summary>
public sealed class SettleModel(TrustAdvisorDbContext db, IValidator<SettleInput> validator, TimeProvider time, IViewerAccessor viewer) : PageModel
{
    [BindProperty]
    public SettleInput Input { get; set; } = new();

    /// <summary>The outcome to start from (the reminder email's link asks for Kept).</summary>
    [BindProperty(SupportsGet = true, Name = "outcome")]
    public CommitmentOutcome? Suggested { get; set; }

    public Commitment Commitment { get; private set; } = null!;
    public string ClientOrganisation { get; private set; } = "";
    public string Contact { get; private set; } = "";
    public bool IsArchived { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        ModelState.Clear(); // a misspelt ?outcome= only leaves nothing chosen
        Input = new SettleInput { Outcome = Suggested, KeptOn = Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (!Commitment.IsOpen)
        {
            return AlreadySettled();
        }

        Input.MadeOn = Commitment.MadeOn;
        if (ModelState.RefuseArchived(IsArchived, "settle its commitments", "nothing was changed")
            || !await validator.ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        var by = viewer.Current.UserId ?? throw new InvalidOperationException("Settling a commitment needs a signed-in person.");
        switch (Input.Outcome)
        {
            case CommitmentOutcome.Kept:
                Commitment.MarkKept(Input.KeptOn!.Value, by, Today);
                break;
            case CommitmentOutcome.Broken:
                Commitment.MarkBroken(by, Today);
                break;
            default:
                Commitment.Withdraw(Input.Reason, by, Today);
                break;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone settled it a moment before: theirs stands.
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return AlreadySettled();
        }

        TempData.Flash($"Marked {CommitmentStatusNames.Of(Commitment.Status)}: {Commitment.Promise}");
        return RedirectToPage("/Relationships/Details", null, new { id = Commitment.RelationshipId }, "commitments");
    }

    private RedirectToPageResult AlreadySettled()
    {
        TempData.Flash($"That commitment was already marked {CommitmentStatusNames.Of(Commitment.Status)} on {Formatting.Display.Date(Commitment.ClosedOn)}; nothing was changed.");
        return RedirectToPage("/Relationships/Details", null, new { id = Commitment.RelationshipId }, "commitments");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Today = time.Today();
        var found = await db.Commitments.Where(c => c.Id == id)
            .Select(c => new
            {
                Commitment = c,
                Relationship = db.Relationships.Where(r => r.Id == c.RelationshipId)
                    .Select(r => new { Organisation = r.Contact.Organisation.Name, Contact = r.Contact.Name, r.ArchivedAt })
                    .First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        (Commitment, ClientOrganisation, Contact, IsArchived) =
            (found.Commitment, found.Relationship.Organisation, found.Relationship.Contact, found.Relationship.ArchivedAt is not null);
        return null;
    }
}
