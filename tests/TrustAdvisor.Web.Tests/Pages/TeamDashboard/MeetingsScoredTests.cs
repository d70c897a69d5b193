using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Calendars;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.TeamDashboard;

/// <summary>
/// The habit on the team dashboard: per advisor, the client meetings their calendar showed in the period and how many
/// were scored within two days; an advisor without a calendar is shown as such, not as zero.
/// </summary>
public class MeetingsScoredTests(PostgresApp app) : MeetingsScored(app), IClassFixture<PostgresApp>;

/// <summary>The same on the embedded default.</summary>
public class SqliteMeetingsScoredTests(SqliteApp app) : MeetingsScored(app), IClassFixture<SqliteApp>;

public abstract class MeetingsScored(AppFixture app)
{
    private const string Period = "period=custom&from=2026-11-01&to=2026-11-22";

    private async Task<(string Manager, string Connected, string Unconnected)> TeamAsync()
    {
        var team = await app.CreateTeamAsync("Habits");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var connected = await app.CreatePersonAsync($"carla.{tag}@habits.test", UserRole.Advisor, team.Id);
        var unconnected = await app.CreatePersonAsync($"uli.{tag}@habits.test", UserRole.Advisor, team.Id);
        var manager = $"mona.{tag}@habits.test";
        await app.CreatePersonAsync(manager, UserRole.Manager, team.Id);
        var relationship = await app.AddRelationshipAsync($"Habit Client {tag}", owner: connected);
        await app.AddCalendarConnectionAsync(connected.Id);

        var now = app.Clock.Now.UtcDateTime;
        var scoredNextDay = await app.AddMeetingAsync(connected.Id, relationship, now.AddDays(-1).AddHours(-2));
        await app.AddMeetingAsync(connected.Id, relationship, now.AddDays(-4)); // never scored: missed
        var dismissed = await app.AddMeetingAsync(connected.Id, relationship, now.AddDays(-5));
        await app.AddMeetingAsync(connected.Id, relationship, now.AddHours(-12)); // still within its two days
        await app.AddMeetingAsync(connected.Id, relationship, now.AddDays(-40)); // before the period
        var scored = await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-1), new TrustFactors(7, 7, 7, 3));
        await app.QueryAsync(db => db.CalendarMeetings.Where(m => m.Id == scoredNextDay.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.AssessmentId, scored.LineageId)));
        await app.QueryAsync(db => db.CalendarMeetings.Where(m => m.Id == dismissed.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DismissedAt, now)));
        return (manager, connected.DisplayName, unconnected.DisplayName);
    }

    [Fact]
    public async Task Each_advisor_shows_client_meetings_scored_in_time_or_that_no_calendar_is_connected()
    {
        var (manager, connected, unconnected) = await TeamAsync();

        var page = await (await app.CreateClientAsync(manager)).GetPageAsync($"/TeamDashboard?{Period}");

        var cells = page.QuerySelectorAll("#advisors tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("[data-testid=meetings-scored]")!.TextContent.Trim());
        cells[connected].ShouldBe("1 of 2 (50%)", "the dismissed, the still open and the earlier meetings do not count");
        cells[unconnected].ShouldBe("no calendar connected");
    }

    [Fact]
    public async Task The_advisors_download_has_the_meetings_and_how_many_were_scored_in_time()
    {
        var (manager, connected, unconnected) = await TeamAsync();

        var csv = await (await app.CreateClientAsync(manager)).GetStringAsync($"/TeamDashboard?handler=Export&table=advisors&{Period}");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldEndWith("Client meetings,Scored within two days,Commitments due,Kept on time,Constructive risks");
        lines.Single(l => l.StartsWith(connected, StringComparison.Ordinal)).ShouldEndWith(",2,1,0,0,0");
        lines.Single(l => l.StartsWith(unconnected, StringComparison.Ordinal)).ShouldEndWith(",no calendar connected,,0,0,0");
    }
}
