using System.Text.Json;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Formatting;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>A relationship's current assessments in meeting order, each with the change from the one before.</summary>
public sealed class RelationshipHistory
{
    private RelationshipHistory(IReadOnlyList<Entry> oldestFirst, IReadOnlyList<HandOffEvent> handOffs)
    {
        OldestFirst = oldestFirst;
        HandOffs = handOffs;
    }

    public static RelationshipHistory Empty { get; } = new([], []);

    public IReadOnlyList<Entry> OldestFirst { get; }

    /// <summary>Hand-offs, oldest first: events between assessments.</summary>
    public IReadOnlyList<HandOffEvent> HandOffs { get; }

    /// <summary>
    /// Hand-offs between <paramref name="entry"/>'s meeting and the next newer one's, newest first. Hand-offs are
    /// dated by day; one on the day of a meeting is shown before that meeting (handed over, then met).
    /// </summary>
    public IEnumerable<HandOffEvent> HandOffsAfter(Entry? entry, Entry? newer) =>
        HandOffs.Where(h => (entry is null || h.Date > entry.Assessment.MeetingDate) && (newer is null || h.Date <= newer.Assessment.MeetingDate))
            .Reverse();
    public IEnumerable<Entry> NewestFirst => OldestFirst.Reverse();
    public Entry? Latest => OldestFirst.Count == 0 ? null : OldestFirst[^1];

    public static RelationshipHistory From(IReadOnlyList<Stored> oldestFirst, IReadOnlyList<HandOffEvent>? handOffs = null)
    {
        ArgumentNullException.ThrowIfNull(oldestFirst);
        handOffs ??= [];

        // The new owner's first assessment after a hand-off is their baseline: trust they built, not borrowed.
        var baselines = handOffs
            .Select(h => oldestFirst.FirstOrDefault(a => a.MeetingDate >= h.Date && a.AuthorId == h.ToOwnerId)?.LineageId)
            .OfType<Guid>()
            .ToHashSet();
        var entries = new List<Entry>(oldestFirst.Count);
        Stored? previous = null;
        foreach (var stored in oldestFirst)
        {
            var change = previous is null ? null : TrustChange.Between(previous.Factors, stored.Factors);
            entries.Add(new Entry(stored, change, baselines.Contains(stored.LineageId)));
            previous = stored;
        }

        return new RelationshipHistory(entries, handOffs);
    }

    /// <summary>
    /// The chart's data, oldest first: the advisor's assessments and the client's answers as points in date order, each
    /// series empty (null) at the other's points. Serialised with the default encoder, so it is safe inside a script element.
    /// </summary>
    public string ChartJson(ClientView client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var points = OldestFirst.Select(e => (Date: e.Assessment.MeetingDate, Advisor: (Stored?)e.Assessment, Client: (ClientView.Answer?)null))
            .Concat(client.OldestFirst.Select(a => (Date: a.On, Advisor: (Stored?)null, Client: (ClientView.Answer?)a)))
            .OrderBy(p => p.Date).ThenBy(p => p.Client is null ? 0 : 1)
            .ToList();
        int? Advisor(Func<TrustFactors, int> factor, (DateOnly, Stored? Advisor, ClientView.Answer?) p) => p.Advisor is { } a ? factor(a.Factors) : null;
        int? Client(Func<TrustFactors, int> factor, (DateOnly, Stored?, ClientView.Answer? Client) p) => p.Client is { } a ? factor(a.Factors) : null;
        return JsonSerializer.Serialize(new
        {
            dates = points.Select(p => Display.IsoDate(p.Date)),
            trust = points.Select(p => p.Advisor is { } a ? TrustEquation.Shown(a.Trust) : (decimal?)null),
            credibility = points.Select(p => Advisor(f => f.Credibility, p)),
            reliability = points.Select(p => Advisor(f => f.Reliability, p)),
            intimacy = points.Select(p => Advisor(f => f.Intimacy, p)),
            selfOrientation = points.Select(p => Advisor(f => f.SelfOrientation, p)),
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
        bool NoteIsPrivate)
    {
        public bool IsCorrected => Revision > 1;
    }

    public sealed record Entry(Stored Assessment, TrustChange? Change, bool IsBaseline);

    public sealed record HandOffEvent(DateOnly Date, Guid ToOwnerId, string FromName, string ToName, string ByName, string Note);
}
