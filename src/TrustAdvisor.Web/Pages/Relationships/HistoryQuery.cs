using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>
/// Reads windows of a relationship's history by keyset: newest first from a position (meeting date, then lineage),
/// an index range scan however long the history is.
/// </summary>
public static class HistoryQuery
{
    /// <summary>Where an older page of the history starts: below this assessment, in meeting order.</summary>
    public sealed record Cursor(DateOnly MeetingDate, Guid LineageId);

    public static async Task<RelationshipHistory> WindowAsync(
        TrustAdvisorDbContext db, Guid relationshipId, Cursor? before, int size, IReadOnlyList<RelationshipHistory.HandOffEvent> handOffs,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var current = db.Assessments.Where(a => a.RelationshipId == relationshipId && a.SupersededAt == null);
        if (before is { } cursor)
        {
            current = current.Where(a => a.MeetingDate < cursor.MeetingDate
                || (a.MeetingDate == cursor.MeetingDate && a.LineageId.CompareTo(cursor.LineageId) < 0));
        }

        var newestFirst = await current
            .OrderByDescending(a => a.MeetingDate).ThenByDescending(a => a.LineageId)
            .Take(size + 1)
            .Select(a => new RelationshipHistory.Stored(
                a.Id, a.LineageId, a.Revision, a.MeetingDate, a.MeetingKind,
                a.Factors, a.Trust,
                a.Note, a.CorrectionReason,
                db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                a.AuthorId,
                a.NoteAuthorId,
                a.NoteIsPrivate,
                db.CalendarMeetings.Any(m => m.AssessmentId == a.LineageId)))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var baselines = await BaselinesAsync(db, relationshipId, handOffs, cancellationToken);
        return RelationshipHistory.From(newestFirst, size, handOffs, baselines);
    }

    /// <summary>Every hand-off, oldest first (a relationship changes hands a few times at most).</summary>
    public static async Task<IReadOnlyList<RelationshipHistory.HandOffEvent>> HandOffsAsync(
        TrustAdvisorDbContext db, Guid relationshipId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var handOffs = await db.HandOffs.Where(h => h.RelationshipId == relationshipId)
            .OrderBy(h => h.HandedOffAt)
            .Select(h => new
            {
                h.HandedOffAt,
                h.ToOwnerId,
                From = db.Users.Where(u => u.Id == h.FromOwnerId).Select(u => u.DisplayName).First(),
                To = db.Users.Where(u => u.Id == h.ToOwnerId).Select(u => u.DisplayName).First(),
                By = db.Users.Where(u => u.Id == h.ByUserId).Select(u => u.DisplayName).First(),
                h.Note,
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return handOffs.Select(h => new RelationshipHistory.HandOffEvent(
            DateOnly.FromDateTime(h.HandedOffAt), h.ToOwnerId, h.From, h.To, h.By, h.Note)).ToList();
    }

    /// <summary>
    /// The new owner's first assessment after each hand-off is their baseline: trust they built, not borrowed. One
    /// index probe per hand-off; a relationship changes hands a few times at most.
    /// </summary>
    private static async Task<IReadOnlySet<Guid>> BaselinesAsync(
        TrustAdvisorDbContext db, Guid relationshipId, IReadOnlyList<RelationshipHistory.HandOffEvent> handOffs, CancellationToken cancellationToken)
    {
        var baselines = new HashSet<Guid>();
        foreach (var handOff in handOffs)
        {
            var first = await db.Assessments
                .Where(a => a.RelationshipId == relationshipId && a.SupersededAt == null && a.AuthorId == handOff.ToOwnerId
                    && a.MeetingDate >= handOff.Date)
                .OrderBy(a => a.MeetingDate).ThenBy(a => a.LineageId)
                .Select(a => (Guid?)a.LineageId)
                .FirstOrDefaultAsync(cancellationToken);
            if (first is { } lineage)
            {
                baselines.Add(lineage);
            }
        }

        return baselines;
    }
}
