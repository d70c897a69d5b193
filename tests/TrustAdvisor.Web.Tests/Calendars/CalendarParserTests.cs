using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Infrastructure.Calendars;

namespace TrustAdvisor.Web.Tests.Calendars;

/// <summary>Calendars read with Ical.Net as Outlook and Google publish them: recurrences, exceptions, time zones.</summary>
public class CalendarParserTests
{
    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void A_weekly_meeting_is_expanded_with_one_occurrence_moved_and_one_cancelled()
    {
        var text = Ics.Calendar(
            Ics.Event("weekly-1", "20261102T100000", "20261102T110000", "Europe/London",
                "RRULE:FREQ=WEEKLY;COUNT=6", "EXDATE;TZID=Europe/London:20261116T100000", Ics.Attendee("jane@acme.example"), "LOCATION:Acme HQ"),
            Ics.Event("weekly-1", "20261110T140000", "20261110T150000", "Europe/London",
                "RECURRENCE-ID;TZID=Europe/London:20261109T100000", Ics.Attendee("jane@acme.example"), "LOCATION:https://teams.microsoft.com/l/meetup-join/x"));

        var found = CalendarParser.Occurrences(text, Utc(2026, 11, 1, 0), Utc(2026, 12, 1, 0));

        found.Select(o => (o.StartsAt, o.EndsAt, o.OccurrenceKey, o.Kind)).ShouldBe([
            (Utc(2026, 11, 2, 10), Utc(2026, 11, 2, 11), "20261102T100000Z", MeetingKind.InPerson),
            (Utc(2026, 11, 10, 14), Utc(2026, 11, 10, 15), "20261109T100000Z", MeetingKind.Video),
            (Utc(2026, 11, 23, 10), Utc(2026, 11, 23, 11), "20261123T100000Z", MeetingKind.InPerson),
            (Utc(2026, 11, 30, 10), Utc(2026, 11, 30, 11), "20261130T100000Z", MeetingKind.InPerson)]);
        found.ShouldAllBe(o => o.Uid == "weekly-1" && o.Attendees.Single() == "jane@acme.example");
    }

    [Fact]
    public void Events_far_from_the_window_are_dropped_before_parsing_and_what_is_found_is_the_same()
    {
        var far = Enumerable.Range(0, 50).Select(i => Ics.Event($"past-{i}", $"2025{(i % 12) + 1:00}10T100000Z", $"2025{(i % 12) + 1:00}10T110000Z", null, Ics.Attendee("jane@acme.example")));
        var text = Ics.Calendar([
            .. far,
            Ics.Event("weekly-since-last-year", "20251103T100000", "20251103T110000", "Europe/London", "RRULE:FREQ=WEEKLY", Ics.Attendee("jane@acme.example")),
            Ics.Event("weekly-since-last-year", "20261110T140000", "20261110T150000", "Europe/London", "RECURRENCE-ID;TZID=Europe/London:20261109T100000", Ics.Attendee("jane@acme.example")),
            Ics.Event("in-window", "20261112T090000Z", "20261112T100000Z", null, Ics.Attendee("jane@acme.example")),
            Ics.Event("next-year", "20271112T090000Z", "20271112T100000Z", null, Ics.Attendee("jane@acme.example"))]);
        var (from, to) = (Utc(2026, 11, 8, 0), Utc(2026, 11, 15, 0));

        var narrowed = CalendarWindow.Narrow(text, from, to);

        narrowed.Split("BEGIN:VEVENT").Length.ShouldBe(4, "the weekly series, its moved occurrence and the meeting in the window");
        narrowed.ShouldStartWith("BEGIN:VCALENDAR");
        narrowed.ShouldEndWith("END:VCALENDAR\r\n");
        CalendarParser.Occurrences(text, from, to).Select(o => (o.Uid, o.StartsAt)).ShouldBe([
            ("weekly-since-last-year", Utc(2026, 11, 10, 14)), // Monday's, moved to Tuesday (winter time: London is UTC)
            ("in-window", Utc(2026, 11, 12, 9))], ignoreOrder: true);
    }

    [Theory]
    [InlineData("Europe/London")]
    [InlineData("GMT Standard Time")]
    public void A_meeting_across_the_spring_change_keeps_its_local_time(string zone)
    {
        var text = Ics.Calendar(Ics.Event("friday", "20270319T090000", "20270319T093000", zone, "RRULE:FREQ=WEEKLY;COUNT=3"));

        var found = CalendarParser.Occurrences(text, Utc(2027, 3, 1, 0), Utc(2027, 4, 30, 0));

        found.Select(o => o.StartsAt).ShouldBe([Utc(2027, 3, 19, 9), Utc(2027, 3, 26, 9), Utc(2027, 4, 2, 8)], "09:00 in London is 08:00 UTC in summer time");
    }

    [Fact]
    public void Cancelled_and_all_day_events_are_left_out_and_a_single_event_has_no_occurrence_key()
    {
        var text = Ics.Calendar(
            Ics.Event("cancelled", "20261120T100000Z", "20261120T110000Z", null, "STATUS:CANCELLED"),
            "BEGIN:VEVENT\r\nUID:all-day\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261120\r\nDTEND;VALUE=DATE:20261121\r\nEND:VEVENT",
            Ics.Event("single", "20261120T130000Z", "20261120T140000Z", null, Ics.Attendee("OMAR@Globex.example")));

        var found = CalendarParser.Occurrences(text, Utc(2026, 11, 19, 0), Utc(2026, 11, 22, 0));

        var single = found.ShouldHaveSingleItem();
        (single.Uid, single.OccurrenceKey, single.Kind, single.Attendees.Single()).ShouldBe(("single", "", MeetingKind.Call, "omar@globex.example"));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Sign in</body></html>")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:not-a-date\r\n")]
    public void What_is_not_a_calendar_is_refused(string text) =>
        Should.Throw<CalendarFormatException>(() => CalendarParser.Occurrences(text, Utc(2026, 11, 1, 0), Utc(2026, 12, 1, 0)));
}
