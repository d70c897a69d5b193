using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Recovery;

/// <summary>With the firm's setting on, a sharp drop drafts a plan for the owner to confirm; off (the default), it does not.</summary>
public class DraftOnSharpDropTests(DraftPlansApp app) : DraftOnSharpDrop(app), IClassFixture<DraftPlansApp>;

public class SqliteDraftOnSharpDropTests(SqliteDraftPlansApp app) : DraftOnSharpDrop(app), IClassFixture<SqliteDraftPlansApp>;

public class DraftOffByDefaultTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Without_the_setting_a_sharp_drop_drafts_nothing()
    {
        var relationship = await app.AddRelationshipAsync();
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-30), new TrustFactors(7, 8, 6, 3));

        var response = await (await app.CreateClientAsync()).SubmitAsync($"/Relationships/Score/{relationship.Id}", DraftOnSharpDrop.Dropped(app.Today));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.RecoveryPlans.CountAsync(p => p.RelationshipId == relationship.Id))).ShouldBe(0);
    }
}

public abstract class DraftOnSharpDrop(AppFixture app)
{
    internal static Dictionary<string, string?> Dropped(DateOnly today) => new()
    {
        ["Input.MeetingDate"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Kind"] = "Call",
        ["Input.Credibility"] = "7",
        ["Input.Reliability"] = "3",
        ["Input.Intimacy"] = "6",
        ["Input.SelfOrientation"] = "3",
    };

    [Fact]
    public async Task A_sharp_drop_drafts_a_plan_for_the_factor_that_drove_it_and_a_second_drop_no_other()
    {
        var relationship = await app.AddRelationshipAsync();
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-30), new TrustFactors(7, 8, 6, 3));
        var client = await app.CreateClientAsync();

        var response = await client.SubmitAsync($"/Relationships/Score/{relationship.Id}", Dropped(app.Today));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync(response.Location())).QuerySelector(".flash")!.TextContent.ShouldContain("a recovery plan was drafted for you to confirm");
        var plan = await app.QueryAsync(db => db.RecoveryPlans.AsNoTracking().SingleAsync(p => p.RelationshipId == relationship.Id));
        (plan.Status, plan.Factor, plan.ReviewOn).ShouldBe((RecoveryPlanStatus.Draft, Factor.Reliability, app.Today.AddDays(30)));
        plan.Problem.ShouldStartWith("Drafted after T fell from 7.0 to 5.3");

        var lower = Dropped(app.Today);
        lower["Input.Reliability"] = "1";
        (await client.SubmitAsync($"/Relationships/Score/{relationship.Id}", lower)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.RecoveryPlans.CountAsync(p => p.RelationshipId == relationship.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task A_rise_or_a_first_score_drafts_nothing()
    {
        var first = await app.AddRelationshipAsync();
        var rising = await app.AddRelationshipAsync();
        await app.AddAssessmentAsync(rising.Id, app.Today.AddDays(-30), new TrustFactors(5, 3, 5, 5));
        var client = await app.CreateClientAsync();

        (await client.SubmitAsync($"/Relationships/Score/{first.Id}", Dropped(app.Today))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.SubmitAsync($"/Relationships/Score/{rising.Id}", Dropped(app.Today))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.QueryAsync(db => db.RecoveryPlans.CountAsync(p => p.RelationshipId == first.Id || p.RelationshipId == rising.Id))).ShouldBe(0);
    }
}
