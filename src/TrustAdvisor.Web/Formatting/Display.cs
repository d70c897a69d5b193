using System.Globalization;
using TrustAdvisor.Domain.Relationships;

namespace TrustAdvisor.Web.Formatting;

/// <summary>How values read on screen, one way everywhere.</summary>
public static class Display
{
    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "never";

    public static string Stage(RelationshipStage stage) => stage.ToString();

    /// <summary>A mean of factor scores, one decimal; a dash when there is none.</summary>
    public static string Mean(double? mean) => mean is { } m ? m.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTime utc) => utc.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"2 hours", "1 hour", "90 minutes", "1 day": the largest whole unit the time is made of.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } when span.TotalDays % 1 == 0 => Plural((int)span.TotalDays, "day"),
        { TotalHours: >= 1 } when span.TotalHours % 1 == 0 => Plural((int)span.TotalHours, "hour"),
        { TotalMinutes: >= 1 } when span.TotalMinutes % 1 == 0 => Plural((int)span.TotalMinutes, "minute"),
        _ => Plural((int)Math.Ceiling(span.TotalSeconds), "second"),
    };

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
