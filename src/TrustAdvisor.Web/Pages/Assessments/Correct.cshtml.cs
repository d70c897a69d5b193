using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Formatting;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Assessments;

/// <summary>A correction never overwrites: it adds a revision with a reason, and the earlier values stay.</summary>
public sealed class CorrectModel(
    TrustAdvisorDbContext db, IValidator<MeetingInput> validator, IValidator<CorrectionInput> reasonValidator, TimeProvider time,
    IViewerAccessor viewer) : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "Reason for the correction")]
    public string? Reason { get; set; }

    /// <summary>The new revision's id, chosen when the form is shown, so a resubmitted correction is stored once.</summary>
    [BindProperty]
    public Guid RevisionId { get; set; }

    public RelationshipHeader Relationship { get; private set; } = null!;
    public Assessment Original { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>False when the note is someone else's private note: it is neither shown nor changed.</summary>
    public bool CanEditNote => Assessment.CanReadNote(Original.NoteIsPrivate, Original.NoteAuthorId, viewer.Current.UserId);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracking: false, cancellationToken) is { } failed)
        {
            return failed;
        }

        if (!Original.IsCurrent)
        {
            // A link to an older revision: correct the latest one instead.
            var current = await CurrentRevisionIdAsync(cancellationToken);
            return RedirectToPage(new { id = current });
        }

        RevisionId = time.NewId();
        Input = MeetingInput.From(Original);
        if (!CanEditNote)
        {
            Input.Note = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracking: true, cancellationToken) is { } failed)
        {
            return failed;
        }

        if (!ModelState.RequireFormId(RevisionId))
        {
            return Page();
        }

        // Before the checks below: once saved, the first post made the original a superseded revision.
        if (await IsStoredAsync(cancellationToken))
        {
            return Saved("That correction was already saved; it is stored once.");
        }

        if (ModelState.RefuseArchived(Relationship.IsArchived, "correct its assessments"))
        {
            return Page();
        }

        var valid = await validator.ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        valid &= await reasonValidator.ValidateIntoAsync(new CorrectionInput(Reason), ModelState, string.Empty, cancellationToken);
        if (!valid)
        {
            return Page();
        }

        if (!Original.IsCurrent)
        {
            return Stale();
        }

        var author = viewer.Current.UserId ?? throw new InvalidOperationException("Correcting needs a signed-in person.");
        if (!CanEditNote)
        {
            (Input.Note, Input.NoteIsPrivate) = (Original.Note, true);
        }

        var corrected = Original.Correct(RevisionId, author, Input.ToScoredMeeting(), Reason!, time.UtcNow(), Today);
        db.Assessments.Add(corrected);
        return await db.SaveOnceAsync(IsStoredAsync, cancellationToken) switch
        {
            SaveOutcome.Saved => Saved($"Corrected. The assessment of {Display.Date(corrected.MeetingDate)} is now revision {corrected.Revision}; the earlier values are kept."),
            SaveOutcome.AlreadySaved => Saved("That correction was already saved; it is stored once."),
            _ => Stale(),
        };
    }

    private Task<bool> IsStoredAsync(CancellationToken cancellationToken) =>
        db.Assessments.AnyAsync(a => a.Id == RevisionId && a.LineageId == Original.LineageId, cancellationToken);

    private PageResult Stale()
    {
        ModelState.AddModelError(
            string.Empty,
            "Someone corrected this assessment while you were editing it, so nothing was saved. " +
            "Open the history to see the latest values, then correct again if needed.");
        return Page();
    }

    private RedirectToPageResult Saved(string message)
    {
        TempData.Flash(message);
        return RedirectToPage("/Relationships/Details", null, new { id = Relationship.Id }, $"a-{Original.LineageId}");
    }

    private Task<Guid> CurrentRevisionIdAsync(CancellationToken cancellationToken) =>
        db.Assessments.Where(a => a.LineageId == Original.LineageId && a.SupersededAt == null)
            .Select(a => a.Id).FirstAsync(cancellationToken);

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracking, CancellationToken cancellationToken)
    {
        Today = time.Today();
        var query = tracking ? db.Assessments : db.Assessments.AsNoTracking();
        var original = await query.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        var header = original is null ? null : await RelationshipHeader.FindAsync(db, original.RelationshipId, cancellationToken);
        if (original is null || header is null)
        {
            return NotFound();
        }

        (Original, Relationship) = (original, header);
        return null;
    }
}
