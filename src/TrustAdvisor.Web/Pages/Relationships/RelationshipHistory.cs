using System.Text.Json;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Formatting;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>
/// A window of a relationship's current assessments in meeting order, each with the change from the one before: the
/// newest ones for the chart and the latest figures, or one page of the history. A window never reads the whole history,
/// so a relationship with thousands of assessments opens as fast as one with twenty.
/// </summary>
public sealed class RelationshipHistory
{
    /// <summary>Assessments per page of the history.</summary>
    public const int PageSize = 20;

    /// <summary>The chart shows this many of the newest assessments.</summary>
    public const int ChartSize = 100;

    private RelationshipHistory(IReadOnlyList<Entry> oldestFirst, IReadOnlyList<HandOffEvent> handOffs, bool hasOlder)
    {
        OldestFirst = oldestFirst;
        HandOffs = handOffs;
        HasOlder = hasOlder;
    }

    public static RelationshipHistory Empty { get; } = new([], [], hasOlder: false);

    public IReadOnlyList<Entry> OldestFirst { get; }

    /// <summary>Every hand-off of the relationship, oldest first: events between assessments.</summary>
    public IReadOnlyList<HandOffEvent> HandOffs { get; }

    /// <summary>Whether there are assessments older than this window.</summary>
    public bool HasOlder { get; }

    /// <summary>
    /// Hand-offs after <paramref name="after"/> and on or before <paramref name="upTo"/> (open-ended where null), newest
    /// first. Hand-offs are dated by day; one on the day of a meeting is shown before that meeting (handed over, then met).
    /// </summary>
    public IEnumerable<HandOffEvent> HandOffsAfter(DateOnly? after, DateOnly? upTo) =>
        HandOffs.Where(h => (after is null || h.Date > after) && (upTo is null || h.Date <= upTo)).Reverse();

    public IEnumerable<Entry> NewestFirst => OldestFirst.Reverse();

    /// <summary>The newest <paramref name="size"/> entries of this window, with the changes they already have.</summary>
    public RelationshipHistory Newest(int size) =>
        OldestFirst.Count <= size ? this : new RelationshipHistory([.. OldestFirst.Skip(OldestFirst.Count - size)], HandOffs, hasOlder: true);
    public Entry? Latest => OldestFirst.Count == 0 ? null : OldestFirst[^1];

    /// <summary>
    /// The window of <paramref name="newestFirst"/>, read with one row more than <paramref name="size"/> when there is one:
    /// that older row only gives the oldest entry its change.
    /// </summary>
    /// <param name="newestFirst">Up to <paramref name="size"/> + 1 assessments, newest first.</param>
    /// <param name="size">How many the window shows.</param>
    /// <param name="handOffs">Every hand-off of the relationship.</param>
    /// <param name="baselines">The lineages of the assessments that are a new owner's baseline (their first after a hand-off).</param>
    public static RelationshipHistory From(
        IReadOnlyList<Stored> newestFirst, int size, IReadOnlyList<HandOffEvent>? handOffs = null, IReadOnlySet<Guid>? baselines = null)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var hasOlder = newestFirst.Count > size;
        var entries = new List<Entry>(Math.Min(size, newestFirst.Count));
        for (var i = Math.Min(size, newestFirst.Count) - 1; i >= 0; i--)
        {
            var stored = newestFirst[i];
            var previous = i + 1 < newestFirst.Count ? newestFirst[i + 1] : null;
            var change = previous is null ? null : TrustChange.Between(previous.Factors, stored.Factors);
            entries.Add(new Entry(stored, change, baselines?.Contains(stored.LineageId) == true));
        }

        return new RelationshipHistory(entries, handOffs ?? [], hasOlder);
    }

    /// <summary>
    /// The chart's data, oldest first: the advisor's assessments and the client's answers as points in date order, each
    /// series empty (null) at the other's points. Serialised with the default encoder, so it is safe inside a script element.
    /// </summary>
    public string ChartJson(ClientView client, PlanSpans plans)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(plans);
        var steps = OldestFirst.Where(e => e.Change?.IsStep == true).Select(e => e.Assessment.LineageId).ToHashSet();
        var points = OldestFirst.Select(e => (Date: e.Assessment.MeetingDate, Advisor: (Stored?)e.Assessment, Client: (ClientView.Answer?)null))
            .Concat(client.OldestFirst.Where(a => !HasOlder || a.On >= OldestFirst[0].Assessment.MeetingDate).Select(a => (Date: a.On, Advisor: (Stored?)null, Client: (ClientView.Answer?)a)))
            .OrderBy(p => p.Date).ThenBy(p => p.Client is null ? 0 : 1)
            .ToList();
        int? Advisor(Func<TrustFactors, int> factor, (DateOnly, Stored? Advisor, ClientView.Answer?) p) => p.Advisor is { } a ? factor(a.Factors) : null;
        int? Client(Func<TrustFactors, int> factor, (DateOnly, Stored?, ClientView.Answer? Client) p) => p.Client is { } a ? factor(a.Factors) : null;
        return JsonSerializer.Serialize(new
        {
            dates = points.Select(p => Display.IsoDate(p.Date)),
            trust = points.Select(p => p.Advisor is { } a ? TrustEquation.Shown(a.Trust) : (decimal?)null),
            steps = points.Select(p => p.Advisor is { } a && steps.Contains(a.LineageId)),
            credibility = points.Select(p => Advisor(f => f.Credibility, p)),
            reliability = points.Select(p => Advisor(f => f.Reliability, p)),
            intimacy = points.Select(p => Advisor(f => f.Intimacy, p)),
            selfOrientation = points.Select(p => Advisor(f => f.SelfOrientation, p)),
            // Each recovery plan as the first and last points inside its span (drawn as a shaded band).
            plans = plans.All
                .Select(plan => (plan, First: points.FindIndex(p => p.Date >= plan.From), Last: points.FindLastIndex(p => plan.Until is null || p.Date <= plan.Until)))
                .Where(x => x.First >= 0 && x.Last >= x.First)
                .Select(x => new { from = x.First, to = x.Last, label = $"Recovery plan: {FactorNames.InSentence(x.plan.Factor)}" }),
            client = client.OldestFirst.Count == 0 ? null : new
            {
                trust = points.Select(p => p.Client is { } a ? TrustEquation.Shown(a.Trust) : (decimal?)null),
                credibility = points.Select(p => Client(f => f.Credibility, p)),
                reliability = points.Select(p => Client(f => f.Reliability, p)),
                intimacy = points.Select(p => Client(f => f.Intimacy, p)),
                selfOrientation = points.Select(p => Client(f => f.SelfOrientation, p)),
            },
        });
    }

    public sealed record Stored(
        Guid Id,
        Guid LineageId,
        int Revision,
        DateOnly MeetingDate,
        MeetingKind MeetingKind,
        TrustFactors Factors,
        double Trust,
        string? Note,
        string? CorrectionReason,
        string? AuthorName,
        Guid? AuthorId,
        Guid? NoteAuthorId,
        bool NoteIsPrivate,
        bool FromCalendar)
    {
        public bool IsCorrected => Revision > 1;
    }

    public sealed record Entry(Stored Assessment, TrustChange? Change, bool IsBaseline);

    public sealed record HandOffEvent(DateOnly Date, Guid ToOwnerId, string FromName, string ToName, string ByName, string Note);
}
