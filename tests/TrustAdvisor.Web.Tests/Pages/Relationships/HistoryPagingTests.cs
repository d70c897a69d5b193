using System.Text.Json;
using AngleSharp.Dom;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Pages.Relationships;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Relationships;

/// <summary>A long history is read twenty assessments a page, newest first, each page found by keyset.</summary>
public class HistoryPagingTests(PostgresApp app) : HistoryPaging(app), IClassFixture<PostgresApp>;

/// <summary>The same on the embedded default: the keyset compares lineages as SQLite stores them.</summary>
public class SqliteHistoryPagingTests(SqliteApp app) : HistoryPaging(app), IClassFixture<SqliteApp>;

public abstract class HistoryPaging(AppFixture app)
{
    /// <summary>Assessments a week apart, oldest first; two share each fourth meeting date (ordered by lineage then).</summary>
    private async Task<List<Assessment>> AddHistoryAsync(Guid relationshipId, int count)
    {
        var added = new List<Assessment>();
        for (var i = 0; i < count; i++)
        {
            var date = app.Today.AddDays(-7 * (count - i) + (i % 4 == 1 ? 7 : 0));
            added.Add(Assessment.Record(
                Guid.CreateVersion7(), relationshipId, app.Admin.Id,
                new ScoredMeeting(date, MeetingKind.Video, new TrustFactors(3 + (i % 7), 4 + (i % 5), 5 + (i % 3), 2 + (i % 4)), $"Meeting {i}."),
                app.Clock.Now.UtcDateTime, app.Today));
        }

        await app.QueryAsync(async db =>
        {
            db.Assessments.AddRange(added);
            return await db.SaveChangesAsync();
        });
        return [.. added.OrderBy(a => a.MeetingDate).ThenBy(a => a.LineageId)];
    }

    private static IEnumerable<IElement> AssessmentRows(IDocument page) =>
        page.QuerySelectorAll(".history tbody tr").Where(r => r.Id?.StartsWith("a-", StringComparison.Ordinal) == true);

    [Fact]
    public async Task Every_assessment_appears_once_newest_first_across_the_pages_each_with_its_change()
    {
        var relationship = await app.AddRelationshipAsync("Paged Partners");
        var oldestFirst = await AddHistoryAsync(relationship.Id, 45);
        var answered = await app.AddAnsweredPulseAsync(relationship, oldestFirst[10].MeetingDate, new ClientAnswers(5, 5, 5, 5));
        var client = await app.CreateClientAsync();

        var seen = new List<string>();
        var clientRows = 0;
        var pages = new List<int>();
        string? address = $"/Relationships/Details/{relationship.Id}";
        while (address is not null)
        {
            var page = await client.GetPageAsync(address);
            var rows = AssessmentRows(page).ToList();
            pages.Add(rows.Count);
            seen.AddRange(rows.Select(r => r.Id!));
            clientRows += page.QuerySelectorAll(".history tr.client-view").Length;
            page.QuerySelector("[data-testid=latest-trust]")!.TextContent.ShouldBe(TrustEquation.Format(oldestFirst[^1].Trust), "every page keeps the latest figures");
            address = page.QuerySelectorAll(".history-paging a").FirstOrDefault(a => a.TextContent == "Older assessments")?.GetAttribute("href");
        }

        pages.ShouldBe([20, 20, 5]);
        seen.ShouldBe(oldestFirst.AsEnumerable().Reverse().Select(a => $"a-{a.LineageId}").ToList());
        clientRows.ShouldBe(1);

        // The oldest row of the first page has its change from the first row of the second.
        var first = await client.GetPageAsync($"/Relationships/Details/{relationship.Id}");
        var boundary = oldestFirst[^20];
        var expected = TrustChange.Between(oldestFirst[^21].Factors, boundary.Factors);
        first.GetElementById($"a-{boundary.LineageId}")!.QuerySelector("[data-label=Change]")!.TextContent
            .ShouldContain(TrustEquation.FormatDelta(expected.Delta));
        var last = await client.GetPageAsync(
            $"/Relationships/Details/{relationship.Id}?beforeDate={oldestFirst[5].MeetingDate:yyyy-MM-dd}&beforeId={oldestFirst[5].LineageId}");
        AssessmentRows(last).Last().QuerySelector("[data-label=Change]")!.TextContent.Trim().ShouldBe("first");
        last.QuerySelector(".history-paging")!.TextContent.ShouldContain("Back to the newest");
        answered.Status.ShouldBe(PulseStatus.Answered);
    }

    [Fact]
    public async Task The_chart_draws_the_newest_hundred_and_marks_the_steps()
    {
        var relationship = await app.AddRelationshipAsync("Long Chart Co");
        var oldestFirst = await AddHistoryAsync(relationship.Id, RelationshipHistory.ChartSize + 5);

        var page = await (await app.CreateClientAsync()).GetPageAsync($"/Relationships/Details/{relationship.Id}");

        var data = JsonDocument.Parse(page.GetElementById("trust-chart-data")!.TextContent).RootElement;
        var dates = data.GetProperty("dates").EnumerateArray().Select(d => d.GetString()).ToList();
        dates.Count.ShouldBe(RelationshipHistory.ChartSize);
        dates[0].ShouldBe(oldestFirst[5].MeetingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var steps = data.GetProperty("steps").EnumerateArray().Select(s => s.GetBoolean()).ToList();
        var expected = oldestFirst.Skip(5).Select((a, i) => TrustChange.Between(oldestFirst[4 + i].Factors, a.Factors).IsStep).ToList();
        steps.ShouldBe(expected);
        steps.ShouldContain(true);
        page.QuerySelector(".chart figcaption")!.TextContent.ShouldContain($"The newest {RelationshipHistory.ChartSize} assessments.");
        AssessmentRows(page).Count(r => r.QuerySelector(".badge-step") is not null).ShouldBe(expected.TakeLast(RelationshipHistory.PageSize).Count(s => s));
    }

    [Theory]
    [InlineData("?beforeDate=yesterday&beforeId=00000000-0000-0000-0000-000000000001")]
    [InlineData("?beforeDate=2026-01-01&beforeId=not-a-guid")]
    [InlineData("?beforeDate=2026-01-01")]
    [InlineData("?beforeId=00000000-0000-0000-0000-000000000001")]
    [InlineData("?beforeDate=99999-01-01&beforeId=00000000-0000-0000-0000-000000000001")]
    public async Task A_page_address_that_cannot_be_read_shows_the_newest_page_and_says_so(string query)
    {
        var relationship = await app.AddRelationshipAsync($"Odd Address {query.Length}");
        var oldestFirst = await AddHistoryAsync(relationship.Id, 25);

        var response = await (await app.CreateClientAsync()).GetAsync(new Uri($"/Relationships/Details/{relationship.Id}{query}", UriKind.Relative));

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        page.QuerySelector("#history [role=alert]")!.TextContent.ShouldBe(
            "That page of the history could not be read from the address, so this is the newest page.");
        AssessmentRows(page).First().Id.ShouldBe($"a-{oldestFirst[^1].LineageId}");
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(25);
    }
}
