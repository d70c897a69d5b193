using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.DemoData;

/// <summary>
/// The demo advisor's calendar, served by the app itself while demo data is on and read like any other: a meeting in
/// person with one of their clients yesterday afternoon; this morning a video call, a call with someone at a client
/// known only by its web domain, and lunch with a friend (not a client meeting); a meeting tomorrow. Times are
/// whole hours in UTC, so the same day gives the same calendar and a read finds nothing new.
/// </summary>
public static class DemoCalendar
{
    public const string Path = "/demo/calendar.ics";

    public static string AdvisorEmail { get; } = AccountSeeder.DemoAccounts.First(a => a.Role == UserRole.Advisor).Email;

    public static async Task<string> ForAsync(TrustAdvisorDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var contacts = await db.Relationships.IgnoreQueryFilters()
            .Where(r => r.IsDemo && r.ArchivedAt == null && r.Contact.Email != null
                && db.Users.Any(u => u.Id == r.OwnerId && u.Email == AdvisorEmail))
            .OrderBy(r => r.Contact.Organisation.Name).ThenBy(r => r.Contact.Name)
            .Select(r => new { Email = r.Contact.Email!, r.Contact.Organisation.Domain })
            .AsNoTracking().ToListAsync(cancellationToken);
        var calendar = new Ical.Net.Calendar();
        calendar.AddProperty("X-WR-CALNAME", "Alex Advisor (demo)");
        if (contacts.Count == 0)
        {
            return new CalendarSerializer().SerializeToString(calendar) ?? "";
        }

        var today = DateOnly.FromDateTime(now);
        calendar.Events.Add(Meeting(today.AddDays(-1), "in-person", 15, contacts[0].Email, location: "Their office"));
        calendar.Events.Add(Meeting(today, "video", 9, contacts[Math.Min(1, contacts.Count - 1)].Email, url: "https://teams.microsoft.com/l/meetup-join/demo"));
        calendar.Events.Add(Meeting(today, "lunch", 12, "friend@elsewhere.example", location: "The café"));
        if (contacts.Select(c => c.Domain).FirstOrDefault(d => d is not null) is { } domain)
        {
            calendar.Events.Add(Meeting(today, "call", 11, $"new.colleague@{domain}"));
        }

        calendar.Events.Add(Meeting(today.AddDays(1), "tomorrow", 10, contacts[^1].Email, location: "Our office"));
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Meeting(DateOnly day, string name, int hour, string attendee, string? location = null, string? url = null) => new()
    {
        Uid = $"demo-{day:yyyyMMdd}-{name}@trustadvisor.demo",
        Summary = "Demo meeting",
        DtStart = new CalDateTime(day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc)),
        DtEnd = new CalDateTime(day.ToDateTime(new TimeOnly(hour + 1, 0), DateTimeKind.Utc)),
        Location = location,
        Url = url is null ? null : new Uri(url),
        Attendees = [new Attendee($"mailto:{AdvisorEmail}"), new Attendee($"mailto:{attendee}")],
    };
}
