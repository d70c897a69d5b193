using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Calendars;

namespace TrustAdvisor.Infrastructure.Calendars;

/// <summary>A text that is not an iCalendar at all (a web page, a truncated file).</summary>
public sealed class CalendarFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// One occurrence of a meeting in a calendar, with only what matching and prompting need: when, who was invited (by
/// address, for matching, never stored), the kind of meeting, and a hash of what matters for noticing a change. Its key
/// is the event's UID and, for an occurrence of a recurring event, the start it was scheduled for (RECURRENCE-ID), so
/// that a moved occurrence is the same meeting.
/// </summary>
public sealed record CalendarOccurrence(string Uid, string OccurrenceKey, DateTime StartsAt, DateTime EndsAt, IReadOnlyList<string> Attendees, MeetingKind Kind)
{
    public string ChangeHash => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\n', StartsAt.ToString("O", CultureInfo.InvariantCulture), EndsAt.ToString("O", CultureInfo.InvariantCulture), Kind, string.Join(',', Attendees.Order(StringComparer.Ordinal))))))[..32];
}

/// <summary>
/// Reads an iCalendar text with Ical.Net: recurring events expanded with their exceptions (moved and cancelled
/// occurrences), time zones and summer time as the calendar defines them; cancelled and all-day events left out.
/// </summary>
public static class CalendarParser
{
    public static IReadOnlyList<CalendarOccurrence> Occurrences(string text, DateTime fromUtc, DateTime toUtc)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t').StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            throw new CalendarFormatException("This address does not give a calendar.");
        }

        try
        {
            var calendar = Ical.Net.Calendar.Load(CalendarWindow.Narrow(text, fromUtc, toUtc)) ?? throw new CalendarFormatException("This address gives an empty calendar.");
            var found = new List<CalendarOccurrence>();
            foreach (var occurrence in calendar.GetOccurrences<CalendarEvent>(new CalDateTime(fromUtc, CalDateTime.UtcTzId))
                         .TakeWhile(o => o.Period.StartTime.AsUtc < toUtc))
            {
                if (occurrence.Source is not CalendarEvent e || !e.IsActive || e.IsAllDay || e.Uid is not { Length: > 0 } uid)
                {
                    continue;
                }

                var start = occurrence.Period.StartTime.AsUtc;
                var end = occurrence.Period.EffectiveEndTime?.AsUtc ?? start;
                var scheduled = e.RecurrenceIdentifier?.StartTime;
                var recurring = scheduled is not null || e.RecurrenceRule is not null || e.RecurrenceDates.GetAllPeriods().Any();
                var key = !recurring ? string.Empty : (scheduled?.AsUtc ?? start).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
                var attendees = e.Attendees.Select(a => AttendeeMatch.Normalize(a.Value?.ToString())).OfType<string>().ToList();
                found.Add(new CalendarOccurrence(uid, key, start, end, attendees, MeetingKindFromEvent.Of(e.Location, e.Description, e.Url?.ToString())));
            }

            return found;
        }
        catch (Exception e) when (e is not CalendarFormatException and (FormatException or ArgumentException or InvalidOperationException or System.Runtime.Serialization.SerializationException or Ical.Net.Evaluation.EvaluationException))
        {
            throw new CalendarFormatException("This calendar could not be read: it is not well formed.", e);
        }
    }
}
