using System.Net;
using AngleSharp.Dom;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.TeamDashboard;

/// <summary>The dashboard's client view for a team whose answers are known: one lenient advisor, one with a small sample.</summary>
public class ClientViewTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static string[] Cells(IElement row) => [.. row.Children.Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))];

    private async Task<string> TeamWithAnswersAsync()
    {
        var team = await app.CreateTeamAsync("Calibrated");
        var lenient = await app.CreatePersonAsync($"lena.{Guid.NewGuid():N}@calibrated.test", UserRole.Advisor, team.Id);
        var fewer = await app.CreatePersonAsync($"fred.{Guid.NewGuid():N}@calibrated.test", UserRole.Advisor, team.Id);
        var manager = $"mia.{Guid.NewGuid():N}@calibrated.test";
        await app.CreatePersonAsync(manager, UserRole.Manager, team.Id);
        for (var i = 0; i < 5; i++)
        {
            // She scores 8, 8, 8, 3 (T 8.0); her clients answer 6, 7, 8 and 8 (S 3): T 7.0, lenient on credibility by 2.
            var relationship = await app.AddRelationshipAsync($"Lenient {i}", owner: lenient);
            await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-20), new TrustFactors(8, 8, 8, 3));
            await app.AddAnsweredPulseAsync(relationship, app.Today.AddDays(-5), new ClientAnswers(6, 7, 8, 8));
        }

        var unanswered = await app.AddRelationshipAsync("Never answered", owner: lenient);
        await app.AddUnansweredPulseAsync(unanswered, app.Today.AddDays(-30));
        var pending = await app.AddRelationshipAsync("Still open", owner: lenient);
        await app.AddUnansweredPulseAsync(pending, app.Today.AddDays(-2));
        for (var i = 0; i < 2; i++)
        {
            var relationship = await app.AddRelationshipAsync($"Fewer {i}", owner: fewer);
            await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-20), new TrustFactors(5, 5, 5, 5));
            await app.AddAnsweredPulseAsync(relationship, app.Today.AddDays(-5), new ClientAnswers(6, 6, 6, 6));
        }

        return manager;
    }

    [Fact]
    public async Task Calibration_shows_each_advisors_mean_gap_its_verdict_and_the_response_rate()
    {
        var manager = await app.CreateClientAsync(await TeamWithAnswersAsync());

        var page = await manager.GetPageAsync("/TeamDashboard?period=quarter&by=month");

        var rows = page.GetElementById("calibration")!.QuerySelectorAll("tbody tr").Select(Cells).ToList();
        rows.Count.ShouldBe(2);
        rows[0][1..].ShouldBe(["2 small sample", "-1.0", "-1.0", "-1.0", "0.0", "Too few answers to say (2)", "2 of 2 (100%)"]);
        rows[1][1..].ShouldBe(["5", "+2.0", "+1.0", "0.0", "0.0", "Lenient on credibility: 2.0 better than clients say", "5 of 6 (83%)"]);
        var trend = page.GetElementById("client-trend")!.QuerySelectorAll("tbody tr").Select(Cells).ToList();
        trend.ShouldHaveSingleItem()[..4].ShouldBe(["Nov 2026", "7", "7.0", "8.0"]);
    }

    [Fact]
    public async Task Another_teams_manager_sees_none_of_it_and_the_CSV_has_every_advisor()
    {
        var manager = await app.CreateClientAsync(await TeamWithAnswersAsync());
        var otherTeam = await app.CreateTeamAsync("Elsewhere");
        var other = $"olga.{Guid.NewGuid():N}@elsewhere.test";
        await app.CreatePersonAsync(other, UserRole.Manager, otherTeam.Id);

        var theirs = await (await app.CreateClientAsync(other)).GetPageAsync("/TeamDashboard?period=quarter");
        var csv = await manager.GetAsync(new Uri("/TeamDashboard?handler=Export&table=calibration&period=quarter", UriKind.Relative));

        theirs.GetElementById("calibration").ShouldBeNull();
        theirs.GetElementById("client-view-heading")!.ParentElement!.QuerySelector(".empty")!.TextContent.ShouldStartWith("No client was asked");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[2].ShouldEndWith(",5,2,1,0,0,Lenient on credibility: 2.0 better than clients say,5,6");
    }
}
