using System.Globalization;
using System.Text;

namespace TrustAdvisor.Infrastructure.Calendars;

/// <summary>
/// Narrows a calendar's text to what the reader looks at before it is parsed: a published calendar holds years of
/// meetings, of which the reader wants a couple of weeks, and parsing every event was most of a read's time and
/// memory. A single event that starts after the window or ends before it (with a two days' margin for time zones) is
/// dropped; anything recurring (RRULE, RDATE, RECURRENCE-ID), anything whose dates it cannot read at a glance, and
/// everything outside the events (time zones) is kept as it is, for Ical.Net to read.
/// </summary>
public static class CalendarWindow
{
    private const string Begin = "BEGIN:VEVENT";
    private const string End = "END:VEVENT";
    private static readonly TimeSpan Margin = TimeSpan.FromDays(2);

    public static string Narrow(string text, DateTime fromUtc, DateTime toUtc)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (from, to) = (DateOnly.FromDateTime(fromUtc - Margin), DateOnly.FromDateTime(toUtc + Margin));
        var kept = new StringBuilder(text.Length);
        var index = 0;
        while (Find(text, Begin, index) is var start and >= 0 && Find(text, End, start) is var end and >= 0)
        {
            end += End.Length;
            kept.Append(text, index, start - index);
            if (Keep(text.AsSpan(start, end - start), from, to))
            {
                kept.Append(text, start, end - start);
            }

            index = end;
        }

        return kept.Append(text, index, text.Length - index).ToString();
    }

    /// <summary>Where <paramref name="marker"/> starts a line at or after <paramref name="from"/>; -1 when nowhere.</summary>
    private static int Find(string text, string marker, int from)
    {
        for (var at = text.IndexOf(marker, from, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (at == 0 || text[at - 1] is '\n' or '\r')
            {
                return at;
            }
        }

        return -1;
    }

    private static bool Keep(ReadOnlySpan<char> block, DateOnly from, DateOnly to)
    {
        DateOnly? start = null, end = null;
        foreach (var line in block.EnumerateLines())
        {
            if (line.StartsWith("RRULE", StringComparison.OrdinalIgnoreCase) || line.StartsWith("RDATE", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("RECURRENCE-ID", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (line.StartsWith("DTSTART", StringComparison.OrdinalIgnoreCase))
            {
                start = DateOf(line);
            }
            else if (line.StartsWith("DTEND", StringComparison.OrdinalIgnoreCase))
            {
                end = DateOf(line);
            }
        }

        return start is not { } starts || (starts <= to && (end ?? starts) >= from);
    }

    /// <summary>The date of a DTSTART or DTEND line ("DTSTART;TZID=Europe/London:20261121T100000"), or null.</summary>
    private static DateOnly? DateOf(ReadOnlySpan<char> line)
    {
        var value = line[(line.LastIndexOf(':') + 1)..];
        return value.Length >= 8 && DateOnly.TryParseExact(value[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }
}
