using System.Net;
using AngleSharp.Dom;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Relationships;

/// <summary>The client's view on a relationship's page, against Anna's relationship (team A, manager Maria).</summary>
public class ClientViewTests(TwoTeams app) : IClassFixture<TwoTeams>
{
    private const string Comment = "Felt rushed at the last review.";

    private static string Words(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<IDocument> DetailsAsAsync(string email)
    {
        if (!await app.QueryAsync(db => Task.FromResult(db.Pulses.Any(p => p.RelationshipId == app.Annas.Id))))
        {
            // Anna scored 6, 6, 6, 3 (T 6.0) three days ago; the client answers 5, 4, 5 and 7 for interests first (S 4): T 3.5.
            await app.AddAnsweredPulseAsync(app.Annas, app.Today, new ClientAnswers(5, 4, 5, 7), Comment);
        }

        return await (await app.CreateClientAsync(email)).GetPageAsync($"/Relationships/Details/{app.Annas.Id}");
    }

    [Fact]
    public async Task The_clients_answers_stand_beside_the_advisors_with_the_gap_in_words()
    {
        var page = await DetailsAsAsync("anna@firm.test");

        var row = page.QuerySelector("table.history tr.client-view")!;
        Words(row.QuerySelector("th")!).ShouldBe("22 Nov 2026 Client's view answered by Priya Shah");
        row.QuerySelectorAll("td.num").Select(td => td.TextContent).ShouldBe(["3.5", "5 · 4 · 5 · 4"]);
        Words(row.QuerySelector("[data-label=Gap]")!).ShouldBe("Gap +2.5 Blind spot");
        var gap = page.QuerySelector("#client-view .perception-gap")!;
        Words(gap.QuerySelector(".gap-trust")!).ShouldBe(
            "Your T was 6.0; Priya Shah's answers give 3.5, a gap of +2.5. A blind spot: they feel less trust than you believe.");
        gap.QuerySelectorAll(".gap-factors li").Select(li => li.TextContent).ShouldBe(
        [
            "You rated credibility 6; Priya Shah rated it 5.",
            "You rated reliability 6; Priya Shah rated it 4.",
            "You rated intimacy 6; Priya Shah rated it 5.",
            "You rated self-orientation 3; Priya Shah's answer puts it at 4 (\"puts my interests first\": 7 of 10).",
        ]);
        var chart = System.Text.Json.JsonDocument.Parse(page.GetElementById("trust-chart-data")!.TextContent).RootElement;
        chart.GetProperty("client").GetProperty("trust").EnumerateArray().Select(v => v.ValueKind == System.Text.Json.JsonValueKind.Null ? null : (decimal?)v.GetDecimal())
            .ShouldBe([null, 3.5m]);
        chart.GetProperty("trust").EnumerateArray().Select(v => v.ValueKind == System.Text.Json.JsonValueKind.Null ? null : (decimal?)v.GetDecimal())
            .ShouldBe([6.0m, null]);
    }

    [Theory]
    [InlineData("anna@firm.test", true)]
    [InlineData("maria@firm.test", true)]
    [InlineData(AppFixture.AdminEmail, false)]
    public async Task The_clients_comment_is_for_the_advisor_and_their_manager_only(string email, bool readsIt)
    {
        var page = await DetailsAsAsync(email);

        page.Body!.TextContent.Contains(Comment, StringComparison.Ordinal).ShouldBe(readsIt);
        page.QuerySelector("tr.client-view [data-label=Comment]")!.TextContent.Trim()
            .ShouldBe(readsIt ? $"“{Comment}”" : "A comment for the advisor and their manager.");
    }

    [Theory]
    [InlineData("ben@firm.test")]
    [InlineData("cleo@firm.test")]
    [InlineData("max@firm.test")]
    public async Task Nobody_else_sees_the_clients_view(string email)
    {
        await DetailsAsAsync("anna@firm.test");
        var other = await app.CreateClientAsync(email);

        (await other.GetAsync(new Uri($"/Relationships/Details/{app.Annas.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync(new Uri($"/Relationships/Ask/{app.Annas.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
