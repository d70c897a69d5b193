using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Calendars;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Shared;

/// <summary>
/// People's <see cref="MeetingHabit"/> over the meetings that ended in a period: for the overview (one person, the
/// last 30 days) and the team dashboard (each advisor, its period). Someone with no calendar connected has none.
/// </summary>
public static class MeetingHabits
{
    public static async Task<IReadOnlyDictionary<Guid, MeetingHabit>> ForAsync(
        TrustAdvisorDbContext db, IReadOnlyCollection<Guid> userIds, DateTime since, DateTime until, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connected = await db.CalendarConnections.Where(c => userIds.Contains(c.UserId))
            .Select(c => c.UserId).Distinct().ToListAsync(cancellationToken);
        if (connected.Count == 0)
        {
            return new Dictionary<Guid, MeetingHabit>();
        }

        var end = until < now ? until : now;
        var meetings = await db.CalendarMeetings
            .Where(m => connected.Contains(m.UserId) && m.EndsAt > since && m.EndsAt <= end && m.DismissedAt == null)
            .Select(m => new
            {
                m.UserId,
                m.EndsAt,
                FirstScoredAt = db.Assessments.IgnoreQueryFilters().Where(a => a.LineageId == m.AssessmentId && a.Revision == 1)
                    .Select(a => (DateTime?)a.RecordedAt).FirstOrDefault(),
            })
            .AsNoTracking().ToListAsync(cancellationToken);
        var byUser = meetings.ToLookup(m => m.UserId, m => (m.EndsAt, m.FirstScoredAt));
        return connected.ToDictionary(id => id, id => MeetingHabit.Of(byUser[id], now));
    }

    /// <summary>The person's own habit over the last <see cref="MeetingHabit.PeriodDays"/> days; null without a calendar.</summary>
    public static async Task<MeetingHabit?> OwnAsync(TrustAdvisorDbContext db, Guid userId, DateTime now, CancellationToken cancellationToken) =>
        (await ForAsync(db, [userId], now.AddDays(-MeetingHabit.PeriodDays), now, now, cancellationToken)).GetValueOrDefault(userId);
}
