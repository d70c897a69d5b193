using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Coaching;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Formatting;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Pages.Overview;
using TrustAdvisor.Web.Pages.Recovery;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>Scoring a relationship after a meeting: one short form, saved exactly once.</summary>
public sealed class ScoreModel(
    TrustAdvisorDbContext db, IValidator<MeetingInput> validator, TimeProvider time, IViewerAccessor viewer, IOptions<MailOptions> mail,
    IOptions<RecoveryOptions> recovery) : PageModel
{
    private DraftPlans.Previous? _previous;

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    /// <summary>The new assessment's id, chosen when the form is shown: a resubmitted form finds it stored and stores nothing.</summary>
    [BindProperty]
    public Guid AssessmentId { get; set; }

    /// <summary>The meeting from the person's calendar this score is for, when it came from a prompt.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Meeting { get; set; }

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
        // Only a form opened from a prompt reads the person's zone (the meeting's day is the day where they are).
        if (Meeting is not null
            && await PromptedMeetings.FindAsync(
                db, Meeting, viewer.Current.UserId, id, await MeetingsToScore.ZoneOfAsync(db, viewer.Current.UserId, mail.Value.DefaultTimeZone, cancellationToken),
                cancellationToken) is { } meeting)
        {
            // The date and kind from the calendar; the person may change either.
            Input = new MeetingInput { MeetingDate = meeting.Day, Kind = meeting.Kind };
        }
        else
        {
            Meeting = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        return await SaveAsync(id, cancellationToken) switch
        {
            (SaveOutcome.Saved, var assessment) => Saved(
                id, assessment!.Id, SavedMessage(assessment.Trust, Relationship.LatestTrust) + Noted() + await DraftedAsync(assessment), justScored: true),
            (SaveOutcome.AlreadySaved, _) => Saved(id, AssessmentId, AlreadySavedMessage),
            (SaveOutcome.Conflict, _) => BadRequest(), // the form's id belongs to something else: not a form this page showed
            _ => Page(),
        };
    }

    /// <summary>
    /// A score kept on the phone while offline, sent by the service worker: the same decision as a post, answered in
    /// JSON (200 stored, 422 refused with why; 404 when the relationship is no longer the advisor's to score).
    /// </summary>
    public async Task<IActionResult> OnPostQueuedAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        return await SaveAsync(id, cancellationToken) switch
        {
            (SaveOutcome.Saved, var assessment) => new JsonResult(new QueuedAnswer(
                SavedMessage(assessment!.Trust, Relationship.LatestTrust) + Noted() + await DraftedAsync(assessment), DetailsUrl(id, assessment.Id))),
            (SaveOutcome.AlreadySaved, _) => new JsonResult(new QueuedAnswer(AlreadySavedMessage, DetailsUrl(id, AssessmentId))),
            (SaveOutcome.Conflict, _) => new JsonResult(new QueuedRefusal("This score did not come from a form the app showed, so nothing was saved.")) { StatusCode = StatusCodes.Status422UnprocessableEntity },
            _ => new JsonResult(new QueuedRefusal(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct())))
            {
                StatusCode = StatusCodes.Status422UnprocessableEntity,
            },
        };
    }

    /// <summary>Stores the posted assessment once; anything refused is in the model state, and nothing is stored.</summary>
    private async Task<(SaveOutcome? Outcome, Assessment? Assessment)> SaveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.RequireFormId(AssessmentId))
        {
            return (null, null);
        }

        if (ModelState.RefuseArchived(Relationship.IsArchived, "score it"))
        {
            return (null, null);
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return (null, null);
        }

        var author = viewer.Current.UserId ?? throw new InvalidOperationException("Scoring needs a signed-in person.");
        _previous = recovery.Value.DraftOnSharpDrop ? await DraftPlans.PreviousAsync(db, id, cancellationToken) : null;
        var assessment = Assessment.Record(AssessmentId, id, author, Input.ToScoredMeeting(), time.UtcNow(), Today);
        db.Assessments.Add(assessment);
        var made = assessment.MeetingDate;
        var commitments = Input.PromisesMade
            .Select(c => Commitment.Make(time.NewId(), id, assessment.LineageId, author, c.Promise, made, c.DueOn!.Value, time.UtcNow()))
            .ToList();
        db.Commitments.AddRange(commitments);
        db.RisksTaken.AddRange(Input.Risks.Distinct().Select(r => RiskTaken.In(time.NewId(), id, assessment.LineageId, r, made, author)));
        await PromptedMeetings.MarkScoredAsync(db, Meeting, author, id, assessment.LineageId, cancellationToken);
        return (await db.SaveOnceAsync(ct => IsStoredAsync(id, ct), cancellationToken), assessment);
    }

    public sealed record QueuedAnswer(string Message, string Url);

    public sealed record QueuedRefusal(string Reason);

    private const string AlreadySavedMessage = "That assessment was already saved; it is stored once.";

    private string DetailsUrl(Guid id, Guid assessmentId) => Url.Page("Details", null, new { id }, null, null, $"a-{assessmentId}")!;

    private RedirectToPageResult Saved(Guid id, Guid assessmentId, string message, bool justScored = false)
    {
        if (justScored)
        {
            TempData.FlashJustScored(message);
        }
        else
        {
            TempData.Flash(message);
        }

        return RedirectToPage("Details", null, new { id }, $"a-{assessmentId}");
    }

    private Task<bool> IsStoredAsync(Guid id, CancellationToken cancellationToken) =>
        db.Assessments.AnyAsync(a => a.Id == AssessmentId && a.RelationshipId == id, cancellationToken);

    /// <summary>After the score is saved: a sharp drop drafts a recovery plan, when the firm turned that on.</summary>
    private async Task<string> DraftedAsync(Assessment saved) =>
        recovery.Value.DraftOnSharpDrop
        && await DraftPlans.DraftIfDroppedAsync(db, _previous, saved, viewer.Current.UserId!.Value, recovery.Value.DraftReviewAfterDays, time, CancellationToken.None)
            ? " A sharp drop: a recovery plan was drafted for you to confirm."
            : "";

    /// <summary>What was noted with the score, in a sentence after "Saved.": the commitments and their due days.</summary>
    private string Noted()
    {
        var promises = Input.PromisesMade.ToList();
        return promises.Count switch
        {
            0 => "",
            1 => $" Commitment noted, due {Display.Date(promises[0].DueOn!.Value)}.",
            _ => $" {promises.Count} commitments noted, the first due {Display.Date(promises.Min(p => p.DueOn!.Value))}.",
        };
    }

    private static string SavedMessage(double trust, double? previous) =>
        previous is { } before
            ? $"Saved. T is now {TrustEquation.Format(trust)} ({TrustEquation.FormatDelta((decimal)trust - (decimal)before)} since the previous assessment)."
            : $"Saved. T is {TrustEquation.Format(trust)}: the first assessment of this relationship.";

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
