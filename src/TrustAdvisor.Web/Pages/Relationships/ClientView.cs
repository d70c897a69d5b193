using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>
/// A relationship's answered pulses, oldest first, each with the perception gap against the advisor's latest
/// assessment on or before that day, and the link that is open now, if any.
/// </summary>
public sealed class ClientView
{
    private ClientView(IReadOnlyList<Answer> oldestFirst, OpenLink? open)
    {
        OldestFirst = oldestFirst;
        Open = open;
    }

    public static ClientView Empty { get; } = new([], null);

    public IReadOnlyList<Answer> OldestFirst { get; }
    public IEnumerable<Answer> NewestFirst => OldestFirst.Reverse();
    public OpenLink? Open { get; }

    /// <summary>
    /// Answers to show above <paramref name="entry"/> in the newest-first history: those compared with it (on or after
    /// its meeting, before the next newer one's), newest first. With no entry, the answers before the first assessment.
    /// </summary>
    public IEnumerable<Answer> ComparedWith(RelationshipHistory.Entry? entry, RelationshipHistory.Entry? newer) =>
        OldestFirst.Where(a => (entry is null || a.On >= entry.Assessment.MeetingDate) && (newer is null || a.On < newer.Assessment.MeetingDate))
            .Reverse();

    public static async Task<ClientView> LoadAsync(
        TrustAdvisorDbContext db, Guid relationshipId, Viewer viewer, RelationshipHistory history, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(history);
        var teamId = await db.Relationships.Where(r => r.Id == relationshipId).Select(r => r.TeamId).FirstOrDefaultAsync(cancellationToken);
        var managesTheTeam = viewer.IsManager && viewer.TeamId is { } team && team == teamId;
        var pulses = await db.Pulses.Where(p => p.RelationshipId == relationshipId && (p.Status == PulseStatus.Answered || p.Status == PulseStatus.Open))
            .OrderBy(p => p.AnsweredOn).ThenBy(p => p.ClosedAt)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var answers = pulses.Where(p => p.Status == PulseStatus.Answered)
            .Select(p =>
            {
                var on = p.AnsweredOn!.Value;
                var client = p.Factors!.Value;
                var advisor = history.OldestFirst.LastOrDefault(e => e.Assessment.MeetingDate <= on)?.Assessment.Factors;
                return new Answer(
                    p.Id, on, p.ContactName, client, p.InterestsFirst!.Value, p.Trust!.Value,
                    Pulse.CanReadComment(p.AdvisorId, viewer.UserId, managesTheTeam) ? p.Comment : null,
                    p.Comment is not null,
                    advisor is { } a ? new PerceptionGap(on, a, client) : null);
            })
            .ToList();
        var open = pulses.Where(p => p.IsOpenAt(nowUtc)).Select(p => new OpenLink(p.Id, p.AskedAt, p.ExpiresAt)).FirstOrDefault();
        return new ClientView(answers, open);
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

    public sealed record OpenLink(Guid Id, DateTime AskedAt, DateTime ExpiresAt);
}
