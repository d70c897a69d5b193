using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Calendars;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.TeamDashboard;

/// <summary>
/// What each advisor did in the dashboard's period beside the scores, habits a manager can coach: client meetings
/// scored in time (null without a calendar), promises kept on time, constructive risks recorded.
/// </summary>
public sealed record AdvisorPractice(MeetingHabit? Meetings, CommitmentEvidence Commitments, int RisksTaken)
{
    public static AdvisorPractice None { get; } = new(null, new CommitmentEvidence(0, 0), 0);

    /// <summary>Of the period's days <paramref name="from"/> to <paramref name="to"/> (the calendar's in UTC), for the advisors given.</summary>
    public static async Task<IReadOnlyDictionary<Guid, AdvisorPractice>> ForAsync(
        TrustAdvisorDbContext db, IReadOnlyCollection<Guid> advisorIds, DateOnly from, DateOnly to, DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var habits = await MeetingHabits.ForAsync(
            db, advisorIds, from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), now, cancellationToken);
        var commitments = await db.Commitments
            .Where(c => advisorIds.Contains(c.MadeById)
                && ((c.ClosedOn >= from && c.ClosedOn <= to) || (c.Status == CommitmentStatus.Open && c.DueOn >= from && c.DueOn <= to)))
            .Select(c => new { c.MadeById, c.Status, c.DueOn, c.ClosedOn })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var byAdvisor = commitments.ToLookup(c => c.MadeById, c => (c.Status, c.DueOn, c.ClosedOn));
        var risks = await db.RisksTaken
            .Where(r => advisorIds.Contains(r.TakenById) && r.MeetingDate >= from && r.MeetingDate <= to)
            .GroupBy(r => r.TakenById)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return advisorIds.Distinct().ToDictionary(
            id => id,
            id => new AdvisorPractice(habits.GetValueOrDefault(id), CommitmentEvidence.Between(byAdvisor[id], from, to, today), risks.GetValueOrDefault(id)));
    }
}
