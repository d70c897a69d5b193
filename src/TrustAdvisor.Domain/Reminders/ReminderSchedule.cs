namespace TrustAdvisor.Domain.Reminders;

public enum ReminderFrequency
{
    Off,
    Daily,
    Weekly,
}

/// <summary>
/// When a person's reminder is due, in their own time zone: on each day (or on their weekday) once the clock there
/// has reached their time. A day is one period: the reminder of a day goes once, however often this is asked, and a
/// check that comes late the same day still sends it. Summer time is the zone's own: 08:00 stays 08:00 on the
/// clock; a time the spring change skips is reached when the clock jumps past it; one the autumn change repeats
/// counts once.
/// </summary>
public sealed record ReminderSchedule(TimeZoneInfo Zone, ReminderFrequency Frequency, DayOfWeek Day, TimeOnly Time)
{
    /// <summary>The local day whose reminder is due at <paramref name="nowUtc"/>, or none.</summary>
    public DateOnly? DueOn(DateTimeOffset nowUtc)
    {
        if (Frequency == ReminderFrequency.Off)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(nowUtc, Zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (Frequency == ReminderFrequency.Weekly && today.DayOfWeek != Day)
        {
            return null;
        }

        return TimeOnly.FromDateTime(local.DateTime) >= Time ? today : null;
    }
}
