using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Relationships;
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

        var relationship = new Relationship(RelationshipId, Input.ToDetails(), owner, team, time.UtcNow());
        db.Relationships.Add(relationship);
        if (await db.SaveOnceAsync(ct => db.Relationships.AnyAsync(r => r.Id == RelationshipId, ct), cancellationToken) != SaveOutcome.Saved)
        {
            // Submitted before (the only key a new relationship can collide on is its id): show what was stored.
            return RedirectToPage("Details", new { id = RelationshipId });
        }

        TempData.Flash($"Added {relationship.ClientOrganisation}. Score it after your next meeting.");
        return RedirectToPage("Details", new { id = relationship.Id });
    }
}
