using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Calendars;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Overview;

/// <summary>The person's own habit (<see cref="MeetingHabit"/>) over the last 30 days; null when no calendar is connected.</summary>
public static class MeetingHabitQuery
{
    public static async Task<MeetingHabit?> LoadAsync(TrustAdvisorDbContext db, Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.CalendarConnections.AnyAsync(c => c.UserId == userId, cancellationToken))
        {
            return null;
        }

        var since = now.AddDays(-MeetingHabit.PeriodDays);
        var meetings = await db.CalendarMeetings
            .Where(m => m.UserId == userId && m.EndsAt > since && m.EndsAt <= now && m.DismissedAt == null)
            .Select(m => new
            {
                m.EndsAt,
                FirstScoredAt = db.Assessments.IgnoreQueryFilters().Where(a => a.LineageId == m.AssessmentId && a.Revision == 1)
                    .Select(a => (DateTime?)a.RecordedAt).FirstOrDefault(),
            })
            .AsNoTracking().ToListAsync(cancellationToken);
        return new MeetingHabit(meetings.Count, meetings.Count(m => MeetingHabit.IsInTime(m.EndsAt, m.FirstScoredAt)));
    }
}
