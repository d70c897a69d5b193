using System.Text.Json;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Infrastructure;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>A relationship's current assessments in meeting order, each with the change from the one before.</summary>
public sealed class RelationshipHistory
{
    private RelationshipHistory(IReadOnlyList<Entry> oldestFirst) => OldestFirst = oldestFirst;

    public static RelationshipHistory Empty { get; } = new([]);

    public IReadOnlyList<Entry> OldestFirst { get; }
    public IEnumerable<Entry> NewestFirst => OldestFirst.Reverse();
    public Entry? Latest => OldestFirst.Count == 0 ? null : OldestFirst[^1];

    public static RelationshipHistory From(IReadOnlyList<Stored> oldestFirst)
    {
        ArgumentNullException.ThrowIfNull(oldestFirst);
        var entries = new List<Entry>(oldestFirst.Count);
        Stored? previous = null;
        foreach (var stored in oldestFirst)
        {
            var change = previous is null ? null : TrustChange.Between(previous.Factors, stored.Factors);
            entries.Add(new Entry(stored, change));
            previous = stored;
        }

        return new RelationshipHistory(entries);
    }

    /// <summary>The chart's data, oldest first. Serialised with the default encoder, so it is safe inside a script element.</summary>
    public string ChartJson() => JsonSerializer.Serialize(new
    {
        dates = OldestFirst.Select(e => Display.IsoDate(e.Assessment.MeetingDate)),
        trust = OldestFirst.Select(e => TrustEquation.Shown(e.Assessment.Trust)),
        credibility = OldestFirst.Select(e => e.Assessment.Credibility),
        reliability = OldestFirst.Select(e => e.Assessment.Reliability),
        intimacy = OldestFirst.Select(e => e.Assessment.Intimacy),
        selfOrientation = OldestFirst.Select(e => e.Assessment.SelfOrientation),
    });

    public sealed record Stored(
        Guid Id,
        Guid LineageId,
        int Revision,
        DateOnly MeetingDate,
        MeetingKind MeetingKind,
        int Credibility,
        int Reliability,
        int Intimacy,
        int SelfOrientation,
        double Trust,
        string? Note,
        string? CorrectionReason,
        string? AuthorName,
        Guid? NoteAuthorId,
        bool NoteIsPrivate)
    {
        public TrustFactors Factors => new(Credibility, Reliability, Intimacy, SelfOrientation);
        public bool IsCorrected => Revision > 1;
    }

    public sealed record Entry(Stored Assessment, TrustChange? Change);
}
