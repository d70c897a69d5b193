using System.Globalization;
using TrustAdvisor.Domain.Assessments;

namespace TrustAdvisor.Infrastructure.Import;

/// <summary>How a cell is read as a date or a whole number, with the message when it cannot be.</summary>
public static class ImportCells
{
    public const string IsoFormat = "yyyy-MM-dd";

    /// <summary>The day formats a spreadsheet may write, offered on the page besides ISO.</summary>
    public static readonly IReadOnlyList<string> DateFormats = [IsoFormat, "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy"];

    /// <summary>A day past the 12th, so that a message's example tells day and month apart.</summary>
    private static readonly DateOnly Example = new(2027, 1, 31);

    /// <summary>ISO always, or the chosen format, or an Excel date (a day number, from a cell formatted as a date).</summary>
    public static DateOnly? Date(string cell, string format, out string? problem)
    {
        problem = null;
        if (DateOnly.TryParseExact(cell, IsoFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
            || DateOnly.TryParseExact(cell, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out iso))
        {
            return iso;
        }

        if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        problem = $"'{cell}' is not a date like {Example.ToString(format, CultureInfo.InvariantCulture)}"
            + (format == IsoFormat ? "." : $" or {Example.ToString(IsoFormat, CultureInfo.InvariantCulture)}.");
        return null;
    }

    /// <summary>A date of a past meeting: not in the future, not before 1990.</summary>
    public static DateOnly? MeetingDate(string cell, string format, DateOnly today, out string? problem)
    {
        var date = Date(cell, format, out problem);
        if (date is { } d && (d > today || d < Assessment.EarliestMeetingDate))
        {
            problem = d > today ? $"{cell} is in the future: a meeting is scored once it happened." : $"{cell} is before 1990.";
            return null;
        }

        return date;
    }

    public static int? Score(string cell, out string? problem)
    {
        problem = null;
        if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= 10)
        {
            return score;
        }

        problem = cell.Length == 0 ? "Give a whole number from 1 to 10." : $"'{cell}' is not a whole number from 1 to 10.";
        return null;
    }
}
