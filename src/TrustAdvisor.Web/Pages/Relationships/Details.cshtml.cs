using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Coaching;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Formatting;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>
/// One relationship: its latest T, the chart of its newest assessments, the client's view and one page of its history,
/// newest first; older pages by keyset (<c>beforeDate</c> and <c>beforeId</c>, the oldest assessment of the page above).
/// </summary>
public sealed class DetailsModel(TrustAdvisorDbContext db, TimeProvider time, IViewerAccessor viewer) : PageModel
{
    public Guid? ViewerId => viewer.Current.UserId;

    public RelationshipHeader Relationship { get; private set; } = null!;

    /// <summary>The newest assessments: the latest figures and the chart.</summary>
    public RelationshipHistory Recent { get; private set; } = RelationshipHistory.Empty;

    /// <summary>This page of the history.</summary>
    public RelationshipHistory History { get; private set; } = RelationshipHistory.Empty;

    /// <summary>The meeting date of the assessment just above this page (on an older page), else none.</summary>
    public DateOnly? NewerThan { get; private set; }

    public bool CursorWasRefused { get; private set; }
    public ClientView Client { get; private set; } = ClientView.Empty;

    /// <summary>The promises made to the client: open, recently settled, and reliability's evidence.</summary>
    public CommitmentsView Commitments { get; private set; } = CommitmentsView.Empty;

    /// <summary>The factors to work on and what grows them (after a score, the first of them is shown at the top).</summary>
    public IReadOnlyList<CoachingTopic> Coaching { get; private set; } = [];

    /// <summary>Just scored: the page opens with where to work next.</summary>
    public bool JustScored { get; private set; }

    /// <summary>The relationship's recovery plans (the active one linked from the page, each marked on the history and chart).</summary>
    public PlanSpans Plans { get; private set; } = PlanSpans.None;

    /// <summary>The risks taken and promises made at the meetings of this page of the history.</summary>
    public MeetingFollowUps FollowUps { get; private set; } = MeetingFollowUps.None;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, DateOnly? beforeDate, Guid? beforeId, CancellationToken cancellationToken)
    {
        var header = await RelationshipHeader.FindAsync(db, id, cancellationToken);
        if (header is null)
        {
            return NotFound();
        }

        Relationship = header;
        Today = time.Today();
        HistoryQuery.Cursor? cursor = null;
        if (beforeDate is not null || beforeId is not null || !ModelState.IsValid)
        {
            CursorWasRefused = !ModelState.IsValid || beforeDate is null || beforeId is null;
            cursor = CursorWasRefused ? null : new HistoryQuery.Cursor(beforeDate!.Value, beforeId!.Value);
        }

        var handOffs = await HistoryQuery.HandOffsAsync(db, id, cancellationToken);
        Recent = await HistoryQuery.WindowAsync(db, id, null, RelationshipHistory.ChartSize, handOffs, cancellationToken);
        History = cursor is null
            ? Recent.Newest(RelationshipHistory.PageSize)
            : await HistoryQuery.WindowAsync(db, id, cursor, RelationshipHistory.PageSize, handOffs, cancellationToken);
        NewerThan = cursor?.MeetingDate;
        Client = await ClientView.LoadAsync(db, id, viewer.Current, time.UtcNow(), cancellationToken);
        Commitments = await CommitmentsView.LoadAsync(db, id, Today, cancellationToken);
        var latest = Recent.Latest;
        Coaching = CoachingFocus.For(latest?.Assessment.Factors, latest?.Change, Client.OldestFirst.Count > 0 ? Client.OldestFirst[^1].Gap : null);
        JustScored = TempData.TakeJustScored();
        Plans = await PlanSpans.LoadAsync(db, id, cancellationToken);
        FollowUps = await MeetingFollowUps.LoadAsync(db, id, [.. History.OldestFirst.Select(e => e.Assessment.LineageId)], cancellationToken);
        return Page();
    }

    /// <summary>The next older page, starting below this page's oldest assessment; none on the last page.</summary>
    public string? OlderLink() => History.HasOlder && History.OldestFirst.Count > 0
        ? Url.Page("/Relationships/Details", new
        {
            id = Relationship.Id,
            beforeDate = Display.IsoDate(History.OldestFirst[0].Assessment.MeetingDate),
            beforeId = History.OldestFirst[0].Assessment.LineageId,
        }) + "#history-heading"
        : null;
}
