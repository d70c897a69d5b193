using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>
/// A meeting from the person's calendar that a score form was opened for: theirs, not scored or dismissed yet, and on
/// one of their own relationships with the meeting's contact (or, for a meeting known by the organisation's domain,
/// at that organisation). Anything else in the address is ignored: the form is then an ordinary one.
/// </summary>
internal static class PromptedMeetings
{
    public sealed record Prompted(DateOnly Day, MeetingKind Kind);

    public static async Task<Prompted?> FindAsync(
        TrustAdvisorDbContext db, Guid? meeting, Guid? userId, Guid relationshipId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var found = await Of(db, meeting, userId, relationshipId).Select(m => new { m.StartsAt, m.Kind }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Prompted(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(found.StartsAt, zone)), found.Kind);
    }

    /// <summary>Records, with the assessment about to be saved, that it scores the meeting (by its lineage, which corrections keep).</summary>
    public static async Task MarkScoredAsync(TrustAdvisorDbContext db, Guid? meeting, Guid userId, Guid relationshipId, Guid lineageId, CancellationToken cancellationToken)
    {
        if (await Of(db, meeting, userId, relationshipId).FirstOrDefaultAsync(cancellationToken) is { } scored)
        {
            scored.AssessmentId = lineageId;
        }
    }

    private static IQueryable<CalendarMeeting> Of(TrustAdvisorDbContext db, Guid? meeting, Guid? userId, Guid relationshipId) =>
        db.CalendarMeetings.Where(m => m.Id == meeting && m.UserId == userId && m.AssessmentId == null && m.DismissedAt == null
            && db.Relationships.Any(r => r.Id == relationshipId && r.OwnerId == userId
                && (m.ContactId == r.ContactId || (m.ContactId == null && m.OrganisationId == r.Contact.OrganisationId))));
}
