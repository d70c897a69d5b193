using System.Globalization;
using System.Net;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Relationships;

/// <summary>Coaching where it helps: after a score and on the relationship's page, the factor to work on and what grows it.</summary>
public class CoachingTests(PostgresApp app) : Coaching(app), IClassFixture<PostgresApp>;

public class SqliteCoachingTests(SqliteApp app) : Coaching(app), IClassFixture<SqliteApp>;

public abstract class Coaching(AppFixture app)
{
    [Fact]
    public async Task After_a_drop_the_page_opens_with_the_factor_that_drove_it_and_its_practices_once()
    {
        var relationship = await app.AddRelationshipAsync();
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-30), new TrustFactors(7, 8, 6, 3));
        var client = await app.CreateClientAsync();

        var response = await client.SubmitAsync($"/Relationships/Score/{relationship.Id}", new Dictionary<string, string?>
        {
            ["Input.MeetingDate"] = app.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Kind"] = "Call",
            ["Input.Credibility"] = "7",
            ["Input.Reliability"] = "4",
            ["Input.Intimacy"] = "6",
            ["Input.SelfOrientation"] = "3",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetPageAsync(response.Location());
        var note = page.QuerySelector("[data-testid=coach-after-save]")!;
        note.QuerySelector("p")!.TextContent.ShouldBe("Next time, work on reliability (it drove the last drop and it is the weakest now):");
        note.QuerySelectorAll("li").Length.ShouldBe(2);
        var topics = page.QuerySelectorAll("#coaching [data-testid=coaching-topic] h3").Select(h => h.TextContent.Trim()).ToList();
        topics.ShouldBe(["Reliability (it drove the last drop and it is the weakest now)"]);

        var again = await client.GetPageAsync($"/Relationships/Details/{relationship.Id}");
        again.QuerySelector("[data-testid=coach-after-save]").ShouldBeNull("the note follows a score, once");
        again.QuerySelector("#coaching").ShouldNotBeNull("the page keeps its coaching");
    }

    [Fact]
    public async Task Without_a_score_there_is_nothing_to_coach()
    {
        var relationship = await app.AddRelationshipAsync();

        var page = await (await app.CreateClientAsync()).GetPageAsync($"/Relationships/Details/{relationship.Id}");

        page.QuerySelector("#coaching").ShouldBeNull();
    }
}
