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

public sealed class CreateModel(
    TrustAdvisorDbContext db, IValidator<RelationshipInput> validator, TimeProvider time, IViewerAccessor viewer) : PageModel
{
    public const int DefaultReviewDays = 30;

    [BindProperty]
    public RelationshipInput Input { get; set; } = new();

    /// <summary>Chosen when the form is shown, so submitting it twice adds one relationship.</summary>
    [BindProperty]
    public Guid RelationshipId { get; set; }

    public void OnGet()
    {
        RelationshipId = time.NewId();
        Input = new RelationshipInput { NextReviewDate = time.Today().AddDays(DefaultReviewDays) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.RequireFormId(RelationshipId))
        {
            return Page();
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        if (viewer.Current is not { UserId: { } owner, TeamId: { } team })
        {
            ModelState.AddModelError(string.Empty, "You are not in a team yet, so nothing was saved. Ask an administrator to add you to one.");
            return Page();
        }

        var details = Input.ToDetails();
        var now = time.UtcNow();
        var contact = await ClientDirectory.ContactForAsync(db, details, current: null, now, cancellationToken);
        db.Relationships.Add(new Relationship(RelationshipId, contact, details.Stage, details.NextReviewDate, owner, team, now));
        switch (await db.SaveOnceAsync(ct => db.Relationships.AnyAsync(r => r.Id == RelationshipId, ct), cancellationToken))
        {
            case SaveOutcome.AlreadySaved:
                // Submitted before (the form's id is the relationship's): show what was stored.
                return RedirectToPage("Details", new { id = RelationshipId });
            case SaveOutcome.Conflict:
                // The organisation or person was added by someone else at the same moment; a second save finds them.
                ModelState.AddModelError(string.Empty, "Someone added the same client at the same moment, so nothing was saved. Save again to add yours.");
                return Page();
        }

        TempData.Flash($"Added {contact.Organisation.Name}. Score it after your next meeting.");
        return RedirectToPage("Details", new { id = RelationshipId });
    }
}
