using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Reminders;

namespace TrustAdvisor.Infrastructure.Mail;

/// <summary>
/// What one person receives by email and when, in their own time zone. A person without a row has the defaults
/// (<see cref="For"/>): a daily reminder at 08:00, the weekly digest and drop alerts (for managers), in the firm's zone.
/// </summary>
public sealed class MailPreferences
{
    public static readonly TimeOnly DefaultReminderTime = new(8, 0);

    public Guid UserId { get; set; }

    /// <summary>An IANA time zone id ("Europe/London"), as <see cref="TimeZoneInfo.FindSystemTimeZoneById"/> knows it.</summary>
    public string TimeZone { get; set; } = "UTC";

    public ReminderFrequency Reminder { get; set; } = ReminderFrequency.Daily;

    /// <summary>The day of a weekly reminder.</summary>
    public DayOfWeek ReminderDay { get; set; } = DayOfWeek.Monday;

    public TimeOnly ReminderTime { get; set; } = DefaultReminderTime;

    public bool WeeklyDigest { get; set; } = true;

    public bool DropAlerts { get; set; } = true;

    /// <summary>The version of the person's calendar address: renewing it counts up, and the older addresses stop working.</summary>
    public int CalendarVersion { get; set; }

    /// <summary>When a calendar last read the person's address, or it was renewed; null: not yet (MailOptions.CalendarExpiresAfterDaysUnused).</summary>
    public DateTime? CalendarUsedAt { get; set; }

    /// <summary>The reminder's schedule; a zone this machine does not know (removed since it was chosen) counts as UTC.</summary>
    public ReminderSchedule Schedule() => new(
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc, Reminder, ReminderDay, ReminderTime);

    public static MailPreferences For(Guid userId, string defaultTimeZone) => new() { UserId = userId, TimeZone = defaultTimeZone };

    /// <summary>The person's stored settings to change, or the defaults added to the context as their first row.</summary>
    public static async Task<MailPreferences> EditAsync(
        Persistence.TrustAdvisorDbContext db, Guid userId, string defaultTimeZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await db.MailPreferences.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (stored is not null)
        {
            return stored;
        }

        var added = For(userId, defaultTimeZone);
        db.MailPreferences.Add(added);
        return added;
    }
}
