using System.Text.Json;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Relationships;

public class DetailsTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task The_history_lists_every_assessment_newest_first_with_what_drove_each_change()
    {
        var relationship = await app.AddRelationshipAsync("History Bank");
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-60), new TrustFactors(5, 5, 4, 6), "First meeting.");
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-30), new TrustFactors(7, 8, 6, 3), "Delivered the report early.");
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-2), new TrustFactors(7, 8, 6, 5), "Pushed the upsell.");

        var page = await (await app.CreateClientAsync()).GetPageAsync($"/Relationships/Details/{relationship.Id}");

        var rows = page.QuerySelectorAll(".history tbody tr");
        rows.Length.ShouldBe(3);
        rows.Select(r => r.QuerySelector("[data-label=T]")!.TextContent.Trim()).ShouldBe(["4.2", "7.0", "2.3"]);
        rows[0].QuerySelector("[data-label=Note]")!.TextContent.ShouldContain("Pushed the upsell.");
        rows[0].QuerySelector("[data-label=Change]")!.TextContent.ShouldContain("-2.8");
        rows[0].QuerySelector("[data-label=Change]")!.TextContent.ShouldContain("Self-orientation rose 3 → 5");
        rows[0].QuerySelector("[data-label=Meeting]")!.TextContent.ShouldContain("In person");
        rows[2].QuerySelector("[data-label=Change]")!.TextContent.Trim().ShouldBe("first");
        page.QuerySelector("[data-testid=latest-trust]")!.TextContent.ShouldBe("4.2");
        page.QuerySelector(".change-sentence")!.TextContent.ShouldBe("T fell from 7.0 to 4.2, because self-orientation rose from 3 to 5.");
    }

    [Fact]
    public async Task The_chart_is_drawn_from_shipped_assets_with_the_numbers_in_order()
    {
        var relationship = await app.AddRelationshipAsync("Chart Co");
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-30), new TrustFactors(5, 5, 5, 5));
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-1), new TrustFactors(6, 7, 8, 3));
        var client = await app.CreateClientAsync();

        var page = await client.GetPageAsync($"/Relationships/Details/{relationship.Id}");

        var data = JsonDocument.Parse(page.GetElementById("trust-chart-data")!.TextContent).RootElement;
        data.GetProperty("trust").EnumerateArray().Select(t => t.GetDecimal()).ShouldBe([3.0m, 7.0m]);
        data.GetProperty("selfOrientation").EnumerateArray().Select(t => t.GetInt32()).ShouldBe([5, 3]);
        page.GetElementById("trust-chart")!.GetAttribute("aria-label")!.ShouldContain("history table");
        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        scripts.ShouldNotBeEmpty();
        scripts.ShouldAllBe(src => src.StartsWith('/'));
        foreach (var src in scripts.Append(page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!))
        {
            (await client.GetAsync(new Uri(src, UriKind.Relative))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, src);
        }

        page.QuerySelectorAll("script:not([src]):not([type='application/json'])").Length.ShouldBe(0);
    }

    [Fact]
    public async Task Markup_in_a_note_is_shown_as_text()
    {
        var relationship = await app.AddRelationshipAsync("Markup Ltd");
        await app.AddAssessmentAsync(relationship.Id, app.Today, new TrustFactors(5, 5, 5, 5), "<img src=x onerror=alert(1)> said \"<b>no</b>\"");

        var response = await (await app.CreateClientAsync()).GetAsync(new Uri($"/Relationships/Details/{relationship.Id}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldNotContain("<img src=x");
        html.ShouldNotContain("<b>no</b>");
        html.ShouldContain("&lt;img src=x onerror=alert(1)&gt; said &quot;&lt;b&gt;no&lt;/b&gt;&quot;");
    }

    [Fact]
    public async Task A_relationship_without_assessments_invites_the_first_score()
    {
        var relationship = await app.AddRelationshipAsync("Blank Slate Ltd");

        var page = await (await app.CreateClientAsync()).GetPageAsync($"/Relationships/Details/{relationship.Id}");

        page.QuerySelector(".empty")!.TextContent.ShouldContain("No assessments yet");
        page.GetElementById("trust-chart").ShouldBeNull();
        page.QuerySelector("[data-testid=latest-trust]")!.TextContent.ShouldBe("–");
    }
}
