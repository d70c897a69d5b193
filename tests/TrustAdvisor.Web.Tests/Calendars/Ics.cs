namespace TrustAdvisor.Web.Tests.Calendars;

/// <summary>iCalendar text as calendar programs publish it, for the tests to serve.</summary>
internal static class Ics
{
    public static string Calendar(params string[] events) =>
        string.Join("\r\n", ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tests//TrustAdvisor//EN", .. events, "END:VCALENDAR"]) + "\r\n";

    public static string Event(string uid, string start, string end, string? zone = null, params string[] lines) =>
        string.Join("\r\n", [
            "BEGIN:VEVENT", $"UID:{uid}", "DTSTAMP:20261101T000000Z",
            zone is null ? $"DTSTART:{start}" : $"DTSTART;TZID={zone}:{start}",
            zone is null ? $"DTEND:{end}" : $"DTEND;TZID={zone}:{end}",
            "SUMMARY:Private title that is never stored",
            .. lines,
            "END:VEVENT"]);

    public static string Attendee(string email) => $"ATTENDEE;CN=Someone;ROLE=REQ-PARTICIPANT:mailto:{email}";
}
