using System.Net;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Calendars;

/// <summary>
/// Calendars on the embedded default: connected, read from a real HTTP server, the client meetings kept, the ended one
/// on the home page, scored from it, and gone from the list.
/// </summary>
public class CalendarsOnSqliteTests(SqliteCalendarApp app) : IClassFixture<SqliteCalendarApp>
{
    [Fact]
    public async Task A_calendar_is_read_and_its_ended_client_meeting_is_scored_from_the_home_page()
    {
        var advisor = await app.AdvisorWithClientAsync();
        var address = app.Calendars.Serve($"/{Guid.NewGuid():N}/calendar.ics", CalendarSteps.Calendar(advisor));
        (await CalendarSteps.ConnectAsync(advisor.Session, address.AbsoluteUri)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.ReadCalendarAsync(advisor.Person.Id);

        (await app.MeetingsAsync(advisor.Person.Id)).Select(m => m.EventUid).ShouldBe(["with-jane", "with-someone-there"]);
        var home = await advisor.Session.GetPageAsync("/");
        var scoreLink = home.QuerySelectorAll("[data-testid=meeting-to-score] a.button").Select(a => a.GetAttribute("href")!).First(h => h.Contains("meeting=", StringComparison.Ordinal));
        var saved = await advisor.Session.SubmitAsync(scoreLink, new Dictionary<string, string?>
        {
            ["Input.Credibility"] = "7",
            ["Input.Reliability"] = "7",
            ["Input.Intimacy"] = "6",
            ["Input.SelfOrientation"] = "3",
        });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await advisor.Session.GetPageAsync("/")).QuerySelectorAll($"a[href='{scoreLink}']").ShouldBeEmpty("scored: it leaves the list");
        (await app.MeetingsAsync(advisor.Person.Id)).Count(m => m.AssessmentId != null).ShouldBe(1);
    }
}
