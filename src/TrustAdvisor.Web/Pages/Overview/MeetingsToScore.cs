using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Overview;

/// <summary>
/// The client meetings from the person's calendar that have ended in the last two days and are neither scored nor
/// dismissed, newest first, each with the relationships it may be scored on: the contact's, or (a meeting known only by
/// the organisation's domain) each of the person's relationships there.
/// </summary>
public sealed record MeetingsToScore(IReadOnlyList<MeetingsToScore.Meeting> Meetings)
{
    public const int Shown = 10;

    public static MeetingsToScore None { get; } = new([]);

    public sealed record Choice(Guid RelationshipId, string ContactName);

    public sealed record Meeting(Guid Id, string Organisation, string? ContactName, DateTime StartsAt, DateTime EndsAt, MeetingKind Kind, TimeZoneInfo Zone, IReadOnlyList<Choice> Relationships)
    {
        /// <summary>"Fri 20 Nov, 10:00–11:00" in the person's time zone.</summary>
        public string When
        {
            get
            {
                var (start, end) = (TimeZoneInfo.ConvertTimeFromUtc(StartsAt, Zone), TimeZoneInfo.ConvertTimeFromUtc(EndsAt, Zone));
                return string.Create(CultureInfo.InvariantCulture, $"{start:ddd d MMM}, {start:HH:mm}–{end:HH:mm}");
            }
        }

        /// <summary>The day of the meeting in the person's zone: the score form's meeting date.</summary>
        public DateOnly Day => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(StartsAt, Zone));
    }

    /// <summary>The person's time zone, as their email settings have it (a zone this machine does not know counts as UTC).</summary>
    public static async Task<TimeZoneInfo> ZoneOfAsync(TrustAdvisorDbContext db, Guid? userId, string defaultTimeZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var zoneId = await db.MailPreferences.Where(p => p.UserId == userId).Select(p => p.TimeZone).FirstOrDefaultAsync(cancellationToken) ?? defaultTimeZone;
        return TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>The newest <paramref name="shown"/> (the page shows <see cref="Shown"/>; the email prompts look at them all).</summary>
    public static async Task<MeetingsToScore> LoadAsync(
        TrustAdvisorDbContext db, Guid userId, DateTime now, string defaultTimeZone, CancellationToken cancellationToken, int shown = Shown)
    {
        ArgumentNullException.ThrowIfNull(db);
        var since = now - CalendarSync.LookBack;
        var meetings = await db.CalendarMeetings
            .Where(m => m.UserId == userId && m.EndsAt <= now && m.EndsAt > since && m.AssessmentId == null && m.DismissedAt == null)
            .OrderByDescending(m => m.EndsAt).Take(shown)
            .Select(m => new
            {
                m.Id,
                m.StartsAt,
                m.EndsAt,
                m.Kind,
                m.ContactId,
                m.OrganisationId,
                Organisation = db.Organisations.Where(o => o.Id == m.OrganisationId).Select(o => o.Name).First(),
                Contact = db.Contacts.Where(c => c.Id == m.ContactId).Select(c => c.Name).FirstOrDefault(),
            })
            .AsNoTracking().ToListAsync(cancellationToken);
        if (meetings.Count == 0)
        {
            return None;
        }

        var organisations = meetings.Select(m => m.OrganisationId).Distinct().ToList();
        var mine = await db.Relationships
            .Where(r => r.OwnerId == userId && r.ArchivedAt == null && organisations.Contains(r.Contact.OrganisationId))
            .OrderBy(r => r.Contact.Name)
            .Select(r => new { r.Id, r.ContactId, r.Contact.OrganisationId, r.Contact.Name })
            .AsNoTracking().ToListAsync(cancellationToken);
        var zone = await ZoneOfAsync(db, userId, defaultTimeZone, cancellationToken);
        return new([.. meetings
            .Select(m => new Meeting(m.Id, m.Organisation, m.Contact, m.StartsAt, m.EndsAt, m.Kind, zone, [.. mine
                .Where(r => m.ContactId is { } contact ? r.ContactId == contact : r.OrganisationId == m.OrganisationId)
                .Select(r => new Choice(r.Id, r.Name))]))
            .Where(m => m.Relationships.Count > 0)]);
    }
}
