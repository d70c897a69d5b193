using AngleSharp.Dom;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Overview;

public class IndexTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static List<(string Client, string Alerts)> Rows(IDocument page) =>
        page.QuerySelectorAll("table.attention tbody tr")
            .Select(r => (r.QuerySelector("th a")!.TextContent, string.Join(" | ", r.QuerySelectorAll(".alerts li").Select(li => li.TextContent))))
            .ToList();

    private async Task<(AppUser Advisor, string Email)> NewAdvisorAsync(Guid? teamId = null)
    {
        var team = teamId ?? (await app.CreateTeamAsync("Overview")).Id;
        var email = $"advisor.{Guid.NewGuid():N}@overview.test";
        return (await app.CreatePersonAsync(email, UserRole.Advisor, team), email);
    }

    [Fact]
    public async Task The_relationships_that_need_attention_come_first_with_the_reasons_in_words()
    {
        var (advisor, email) = await NewAdvisorAsync();
        var steady = await app.AddRelationshipAsync("Steady Co", owner: advisor);
        await app.AddAssessmentAsync(steady.Id, app.Today.AddDays(-10), new TrustFactors(8, 8, 8, 2));
        var low = await app.AddRelationshipAsync("Low Co", owner: advisor);
        await app.AddAssessmentAsync(low.Id, app.Today.AddDays(-10), new TrustFactors(4, 4, 4, 6));
        var dropping = await app.AddRelationshipAsync("Dropping Co", owner: advisor);
        await app.AddAssessmentAsync(dropping.Id, app.Today.AddDays(-40), new TrustFactors(7, 8, 6, 3));
        await app.AddAssessmentAsync(dropping.Id, app.Today.AddDays(-2), new TrustFactors(7, 8, 6, 5));
        var overdue = await app.AddRelationshipAsync("Overdue Co", nextReview: app.Today.AddDays(-5), owner: advisor);
        await app.AddAssessmentAsync(overdue.Id, app.Today.AddDays(-30), new TrustFactors(9, 9, 9, 1));
        var slipping = await app.AddRelationshipAsync("Slipping Co", owner: advisor);
        await app.AddAssessmentAsync(slipping.Id, app.Today.AddDays(-60), new TrustFactors(8, 8, 8, 2));
        await app.AddAssessmentAsync(slipping.Id, app.Today.AddDays(-30), new TrustFactors(8, 8, 8, 3));
        await app.AddAssessmentAsync(slipping.Id, app.Today.AddDays(-3), new TrustFactors(9, 9, 9, 4));

        var page = await (await app.CreateClientAsync(email)).GetPageAsync("/");

        // Besides their own reason, the three first met a month ago or more and the client was never asked.
        const string NeverAsked = "your own scores are likeliest to be off early on. Ask the client.";
        Rows(page).ShouldBe(
        [
            ("Overdue Co", $"Review overdue by 5 days: no meeting has been scored since it was due. | No client view yet, 30 days after the first meeting: {NeverAsked}"),
            ("Dropping Co", $"Down 40% since the previous assessment. T fell from 7.0 to 4.2, because self-orientation rose from 3 to 5. | No client view yet, 40 days after the first meeting: {NeverAsked}"),
            ("Slipping Co", $"Self-orientation rose in each of the last two assessments (2 → 3 → 4). | No client view yet, 60 days after the first meeting: {NeverAsked}"),
            ("Low Co", ""),
            ("Steady Co", ""),
        ]);
        page.QuerySelector(".attention-summary")!.TextContent.ShouldContain("3 relationships need attention");
        var slippingRow = page.QuerySelectorAll("table.attention tbody tr")[2];
        slippingRow.QuerySelector("svg.spark")!.GetAttribute("aria-label").ShouldBe("T at the last 3 assessments, oldest first: 12.0, 8.0, 6.8");
        slippingRow.QuerySelector("[data-label='Weakest factor']")!.TextContent.ShouldBe("Self-orientation (4)");
        slippingRow.QuerySelector("[data-label='Last assessed']")!.TextContent.ShouldBe("3 days ago");
        slippingRow.QuerySelector("a.button")!.GetAttribute("href").ShouldBe($"/Relationships/Score/{slipping.Id}");
    }

    [Fact]
    public async Task A_relationship_in_maintain_below_the_teams_median_says_so()
    {
        var (advisor, email) = await NewAdvisorAsync();
        var (colleague, _) = await NewAdvisorAsync(advisor.TeamId);
        // The team's latest T: 2.0 (hers), 6.0 and 9.0 (her colleague's, which she cannot see): median 6.0.
        var hers = await app.AddRelationshipAsync("Maintained Co", RelationshipStage.Maintain, owner: advisor);
        await app.AddAssessmentAsync(hers.Id, app.Today.AddDays(-5), new TrustFactors(4, 4, 4, 6));
        foreach (var (name, factors) in new[] { ("Colleague One", new TrustFactors(6, 6, 6, 3)), ("Colleague Two", new TrustFactors(9, 9, 9, 3)) })
        {
            var theirs = await app.AddRelationshipAsync(name, owner: colleague);
            await app.AddAssessmentAsync(theirs.Id, app.Today.AddDays(-5), factors);
        }

        var page = await (await app.CreateClientAsync(email)).GetPageAsync("/");

        Rows(page).ShouldBe([("Maintained Co", "In the Maintain stage with T 2.0, below the team's median of 6.0.")]);
    }

    [Fact]
    public async Task Intimacy_that_has_not_grown_in_90_days_while_the_rest_did_is_flagged()
    {
        var (advisor, email) = await NewAdvisorAsync();
        var stalled = await app.AddRelationshipAsync("Stalled Co", owner: advisor);
        await app.AddAssessmentAsync(stalled.Id, app.Today.AddDays(-120), new TrustFactors(5, 5, 4, 4));
        await app.AddAssessmentAsync(stalled.Id, app.Today.AddDays(-10), new TrustFactors(7, 6, 4, 4));

        var page = await (await app.CreateClientAsync(email)).GetPageAsync("/");

        Rows(page).Single().Alerts.ShouldStartWith("Intimacy has not improved in 90 days (4 → 4) while credibility and reliability did. | No client view yet");
    }

    [Fact]
    public async Task A_client_who_sees_much_less_trust_is_a_blind_spot()
    {
        var (advisor, email) = await NewAdvisorAsync();
        var relationship = await app.AddRelationshipAsync("Blind Spot Co", owner: advisor);
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-10), new TrustFactors(8, 8, 8, 2));
        await app.AddAnsweredPulseAsync(relationship, app.Today.AddDays(-5), new ClientAnswers(6, 6, 6, 6));
        // Scored after the client's answer: the gap is measured against the score the advisor had then.
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-2), new TrustFactors(8, 8, 8, 2));

        var page = await (await app.CreateClientAsync(email)).GetPageAsync("/");

        Rows(page).ShouldBe([("Blind Spot Co", "Blind spot: the client's own answers on 17 Nov 2026 give T 3.6, well below your 12.0.")]);
    }

    [Fact]
    public async Task From_Vet_on_a_client_never_asked_is_due_a_month_after_the_first_meeting()
    {
        var (advisor, email) = await NewAdvisorAsync();
        var due = await app.AddRelationshipAsync("Vetted Co", RelationshipStage.Vet, owner: advisor);
        await app.AddAssessmentAsync(due.Id, app.Today.AddDays(-31), new TrustFactors(7, 7, 7, 3));
        var recent = await app.AddRelationshipAsync("Recent Co", RelationshipStage.Vet, owner: advisor);
        await app.AddAssessmentAsync(recent.Id, app.Today.AddDays(-29), new TrustFactors(7, 7, 7, 3));
        var meeting = await app.AddRelationshipAsync("Meeting Co", RelationshipStage.Meet, owner: advisor);
        await app.AddAssessmentAsync(meeting.Id, app.Today.AddDays(-60), new TrustFactors(7, 7, 7, 3));

        var page = await (await app.CreateClientAsync(email)).GetPageAsync("/");

        Rows(page).ShouldBe(
        [
            ("Vetted Co", "No client view yet, 31 days after the first meeting: your own scores are likeliest to be off early on. Ask the client."),
            ("Meeting Co", ""),
            ("Recent Co", ""),
        ]);
    }

    [Fact]
    public async Task A_new_advisor_is_told_how_to_start()
    {
        var (_, email) = await NewAdvisorAsync();

        var page = await (await app.CreateClientAsync(email)).GetPageAsync("/");

        page.QuerySelector(".empty")!.TextContent.ShouldStartWith("No relationships yet.");
    }
}
