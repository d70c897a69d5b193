using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>Scoring a relationship after a meeting: one short form, saved exactly once.</summary>
public sealed class ScoreModel(
    TrustAdvisorDbContext db, IValidator<MeetingInput> validator, TimeProvider time, IViewerAccessor viewer) : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    /// <summary>The new assessment's id, chosen when the form is shown: a resubmitted form finds it stored and stores nothing.</summary>
    [BindProperty]
    public Guid AssessmentId { get; set; }

    public RelationshipHeader Relationship { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        AssessmentId = time.NewId();
        Input = new MeetingInput { MeetingDate = Today, Kind = Relationship.LatestMeetingKind ?? MeetingKind.InPerson };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (!ModelState.RequireFormId(AssessmentId))
        {
            return Page();
        }

        if (Relationship.IsArchived)
        {
            ModelState.AddModelError(string.Empty, "This relationship is archived, so nothing was saved. Restore it to score it.");
            return Page();
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        var author = viewer.Current.UserId ?? throw new InvalidOperationException("Scoring needs a signed-in person.");
        var assessment = Assessment.Record(AssessmentId, id, author, Input.ToScoredMeeting(), time.UtcNow(), Today);
        db.Assessments.Add(assessment);
        switch (await db.SaveOnceAsync(ct => IsStoredAsync(id, ct), cancellationToken))
        {
            case SaveOutcome.AlreadySaved:
                return AlreadySaved(id);
            case SaveOutcome.Conflict:
                // The form's id belongs to something else: not a form this page showed.
                return BadRequest();
        }

        TempData["Flash"] = SavedMessage(assessment.Trust, Relationship.LatestTrust);
        return RedirectToPage("Details", null, new { id }, $"a-{assessment.Id}");
    }

    private Task<bool> IsStoredAsync(Guid id, CancellationToken cancellationToken) =>
        db.Assessments.AnyAsync(a => a.Id == AssessmentId && a.RelationshipId == id, cancellationToken);

    private static string SavedMessage(double trust, double? previous) =>
        previous is { } before
            ? $"Saved. T is now {TrustEquation.Format(trust)} ({TrustEquation.FormatDelta((decimal)trust - (decimal)before)} since the previous assessment)."
            : $"Saved. T is {TrustEquation.Format(trust)}: the first assessment of this relationship.";

    private RedirectToPageResult AlreadySaved(Guid id)
    {
        TempData["Flash"] = "That assessment was already saved; it is stored once.";
        return RedirectToPage("Details", null, new { id }, $"a-{AssessmentId}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Today = time.Today();
        var header = await RelationshipHeader.FindAsync(db, id, cancellationToken);
        if (header is null)
        {
            return NotFound();
        }

        Relationship = header;
        return null;
    }
}
