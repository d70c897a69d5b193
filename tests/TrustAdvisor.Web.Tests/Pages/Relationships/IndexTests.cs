using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Relationships;

public class IndexTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Each_relationship_shows_its_latest_T_factors_change_and_review()
    {
        var relationship = await app.AddRelationshipAsync("Listed Holdings", nextReview: app.Today.AddDays(-1));
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-40), new TrustFactors(7, 8, 6, 3));
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-10), new TrustFactors(7, 8, 6, 5));

        var page = await (await app.CreateClientAsync()).GetPageAsync("/Relationships");

        var row = page.QuerySelectorAll("table.relationships tbody tr").Single(r => r.TextContent.Contains("Listed Holdings", StringComparison.Ordinal));
        row.QuerySelector("[data-label=T]")!.TextContent.Trim().ShouldBe("4.2");
        row.QuerySelector("[data-label=Factors]")!.TextContent.Trim().ShouldBe("7 · 8 · 6 · 5");
        row.QuerySelector("[data-label=Change]")!.TextContent.ShouldContain("-2.8");
        row.QuerySelector("[data-label=Change]")!.TextContent.ShouldContain("because self-orientation rose from 3 to 5");
        row.QuerySelector("[data-label='Last assessed']")!.TextContent.Trim().ShouldBe(Web.Formatting.Display.Date(app.Today.AddDays(-10)));
        row.QuerySelector("[data-label='Next review']")!.TextContent.ShouldContain("Overdue");
        row.QuerySelector("[data-label=Client]")!.TextContent.ShouldContain("Priya Shah, CFO");
        row.QuerySelector("[data-label=Stage]")!.TextContent.Trim().ShouldBe("Establish");
    }

    [Fact]
    public async Task A_relationship_not_yet_scored_says_so()
    {
        await app.AddRelationshipAsync("Fresh Prospect Ltd", nextReview: app.Today.AddDays(3));

        var page = await (await app.CreateClientAsync()).GetPageAsync("/Relationships");

        var row = page.QuerySelectorAll("table.relationships tbody tr").Single(r => r.TextContent.Contains("Fresh Prospect Ltd", StringComparison.Ordinal));
        row.QuerySelector("[data-label=Factors]")!.TextContent.Trim().ShouldBe("not scored yet");
        row.QuerySelector("[data-label='Last assessed']")!.TextContent.Trim().ShouldBe("never");
        row.QuerySelector("[data-label='Next review']")!.TextContent.ShouldNotContain("Overdue");
    }
}
