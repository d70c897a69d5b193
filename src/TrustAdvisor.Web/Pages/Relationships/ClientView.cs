using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>
/// A relationship's answered pulses, oldest first, each with the perception gap against the advisor's latest
/// assessment on or before that day, the link that is open now, if any, and whether the contact asked not to be asked.
/// </summary>
public sealed class ClientView
{
    private ClientView(IReadOnlyList<Answer> oldestFirst, OpenLink? open, DateTime? contactOptedOutAt)
    {
        OldestFirst = oldestFirst;
        Open = open;
        ContactOptedOutAt = contactOptedOutAt;
    }

    public static ClientView Empty { get; } = new([], null, null);

    /// <summary>When the contact said "Don't ask me again"; then nobody asks them.</summary>
    public DateTime? ContactOptedOutAt { get; }

    public IReadOnlyList<Answer> OldestFirst { get; }
    public IEnumerable<Answer> NewestFirst => OldestFirst.Reverse();
    public OpenLink? Open { get; }

    /// <summary>
    /// Answers to show above an assessment of <paramref name="from"/> in the newest-first history: those on or after its
    /// meeting and before the next newer one's (<paramref name="before"/>), newest first; each bound open where null.
    /// </summary>
    public IEnumerable<Answer> ComparedWith(DateOnly? from, DateOnly? before) =>
        OldestFirst.Where(a => (from is null || a.On >= from) && (before is null || a.On < before)).Reverse();

    /// <summary>
    /// Every answered pulse (a few a year) with the advisor's latest assessment on or before each answer, found by the
    /// database (an index probe each), so the gap does not need the whole history in memory.
    /// </summary>
    public static async Task<ClientView> LoadAsync(
        TrustAdvisorDbContext db, Guid relationshipId, Viewer viewer, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        var relationship = await db.Relationships.Where(r => r.Id == relationshipId)
            .Select(r => new { r.TeamId, ContactOptedOutAt = r.Contact.OptedOutAt }).FirstOrDefaultAsync(cancellationToken);
        var managesTheTeam = viewer.IsManager && viewer.Manages(relationship?.TeamId);
        var pulses = await db.Pulses.Where(p => p.RelationshipId == relationshipId && p.Status == PulseStatus.Answered)
            .OrderBy(p => p.AnsweredOn).ThenBy(p => p.ClosedAt)
            .Select(p => new
            {
                Pulse = p,
                ScoredId = db.Assessments
                    .Where(a => a.RelationshipId == p.RelationshipId && a.SupersededAt == null && a.MeetingDate <= p.AnsweredOn)
                    .OrderByDescending(a => a.MeetingDate).ThenByDescending(a => a.LineageId)
                    .Select(a => (Guid?)a.Id)
                    .FirstOrDefault(),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var scoredIds = pulses.Select(x => x.ScoredId).OfType<Guid>().Distinct().ToList();
        var scored = await db.Assessments.Where(a => scoredIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Factors })
            .ToDictionaryAsync(a => a.Id, a => a.Factors, cancellationToken);
        var answers = pulses
            .Select(x =>
            {
                var p = x.Pulse;
                var on = p.AnsweredOn!.Value;
                var client = p.Factors!.Value;
                TrustFactors? advisor = x.ScoredId is { } id ? scored[id] : null;
                return new Answer(
                    p.Id, on, p.ContactName, client, p.InterestsFirst!.Value, p.Trust!.Value,
                    Pulse.CanReadComment(p.AdvisorId, viewer.UserId, managesTheTeam) ? p.Comment : null,
                    p.Comment is not null,
                    advisor is { } factors ? new PerceptionGap(on, factors, client) : null);
            })
            .ToList();
        return new ClientView(answers, await OpenLink.FindAsync(db, relationshipId, nowUtc, cancellationToken), relationship?.ContactOptedOutAt);
    }

    /// <summary>One answered pulse as the relationship's page shows it.</summary>
    /// <param name="Id">The pulse.</param>
    /// <param name="On">The day the client answered.</param>
    /// <param name="ContactName">Who answered, as the relationship named them when asked.</param>
    /// <param name="Factors">The answers as the equation's factors (S converted from <paramref name="InterestsFirst"/>).</param>
    /// <param name="InterestsFirst">The answer to "they put my interests first", as given.</param>
    /// <param name="Trust">The client's T, as stored.</param>
    /// <param name="Comment">The client's comment, if this viewer may read it (the advisor asked about and the team's manager).</param>
    /// <param name="HasComment">Whether there is a comment, read or not.</param>
    /// <param name="Gap">Against the advisor's latest assessment on or before the answer; none if there was none yet.</param>
    public sealed record Answer(
        Guid Id, DateOnly On, string ContactName, TrustFactors Factors, int InterestsFirst, double Trust, string? Comment, bool HasComment, PerceptionGap? Gap);
}
