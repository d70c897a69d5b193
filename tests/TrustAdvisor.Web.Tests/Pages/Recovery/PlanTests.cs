using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Recovery;

/// <summary>Working a recovery plan: steps added and done, a draft confirmed, the plan closed asking whether trust recovered.</summary>
public class PlanTests(PostgresApp app) : Plan(app), IClassFixture<PostgresApp>;

public class SqlitePlanTests(SqliteApp app) : Plan(app), IClassFixture<SqliteApp>;

public abstract class Plan(AppFixture app)
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<RecoveryPlan> OpenAsync(Guid relationshipId, bool asDraft = false)
    {
        var plan = RecoveryPlan.Open(Guid.CreateVersion7(), relationshipId, app.Admin.Id, Factor.Intimacy, "We never hear from you between projects.", app.Today.AddDays(20), app.Today, asDraft);
        plan.AddStep(Guid.CreateVersion7(), "Lunch with the sponsor", app.Admin.Id, app.Today.AddDays(5));
        await app.QueryAsync(async db =>
        {
            db.RecoveryPlans.Add(plan);
            return await db.SaveChangesAsync();
        });
        return plan;
    }

    private Task<RecoveryPlan> StoredAsync(Guid id) => app.QueryAsync(db => db.RecoveryPlans.AsNoTracking().Include(p => p.Steps).SingleAsync(p => p.Id == id));

    [Fact]
    public async Task Steps_are_added_once_and_marked_done_and_each_change_says_who_and_when()
    {
        var relationship = await app.AddRelationshipAsync();
        var plan = await OpenAsync(relationship.Id);
        var client = await app.CreateClientAsync();
        var (action, fields) = await client.ReadFormAsync($"/Recovery/Plan/{plan.Id}", "form.add-step");
        fields["Input.Step.What"] = "Send a note on their industry";
        fields["Input.Step.DueOn"] = Iso(app.Today.AddDays(10));

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.PostFormAsync(action, fields)));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        var first = plan.Steps[0];
        var done = await client.SubmitAsync($"/Recovery/Plan/{plan.Id}", new Dictionary<string, string?>(), "form[action*='handler=StepDone']");

        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await StoredAsync(plan.Id);
        stored.Steps.Count.ShouldBe(2);
        stored.Steps.Single(s => s.Id == first.Id).DoneOn.ShouldBe(app.Today);
        var page = await client.GetPageAsync($"/Recovery/Plan/{plan.Id}");
        page.QuerySelector("#steps-heading")!.TextContent.ShouldContain("1 of 2 steps done");
        var changes = page.QuerySelector("[data-testid=plan-changes]")!.TextContent;
        changes.ShouldContain("Recovery step added by");
        changes.ShouldContain("Send a note on their industry");
        changes.ShouldContain("Recovery step done by");
    }

    public static TheoryData<string, string?, string, string> BadSteps() => new()
    {
        { "Input.Step.What", " ", "Step_What", "Say what will be done." },
        { "Input.Step.OwnerId", "", "Step_OwnerId", "Choose who does it." },
        { "Input.Step.DueOn", "2026-11-01", "Step_DueOn", "A step cannot be due in the past." },
        { "Input.Step.DueOn", "2027-01-01", "Step_DueOn", "A step is due by the day to look again." },
        { "Input.Step.DueOn", "soon", "Step_DueOn", "'soon' is not a valid value." },
    };

    [Theory]
    [MemberData(nameof(BadSteps))]
    public async Task A_bad_step_is_refused_beside_its_field_and_adds_nothing(string field, string? value, string errorFor, string message)
    {
        var relationship = await app.AddRelationshipAsync();
        var plan = await OpenAsync(relationship.Id);
        var fields = new Dictionary<string, string?> { ["Input.Step.What"] = "Call", [field] = value };

        var response = await (await app.CreateClientAsync()).SubmitAsync($"/Recovery/Plan/{plan.Id}", fields, "form.add-step");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError(errorFor).ShouldNotBeNull().ShouldContain(message);
        (await StoredAsync(plan.Id)).Steps.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Closing_asks_how_it_ended_and_whether_trust_recovered_and_happens_once()
    {
        var relationship = await app.AddRelationshipAsync();
        var plan = await OpenAsync(relationship.Id);
        var client = await app.CreateClientAsync();

        var unanswered = await client.SubmitAsync($"/Recovery/Plan/{plan.Id}", new Dictionary<string, string?>(), "form.close-plan");
        var page = await HtmlForms.ParseAsync(unanswered);
        page.FieldError("Close_Outcome").ShouldBe("Choose how the plan ended: achieved or abandoned.");
        page.FieldError("Close_TrustRecovered").ShouldBe("Say whether trust recovered.");
        (await StoredAsync(plan.Id)).Status.ShouldBe(RecoveryPlanStatus.Open);

        var (action, fields) = await client.ReadFormAsync($"/Recovery/Plan/{plan.Id}", "form.close-plan");
        fields["Close.Outcome"] = "Achieved";
        fields["Close.TrustRecovered"] = "true";
        var closed = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.PostFormAsync(action, fields)));
        fields["Close.Outcome"] = "Abandoned";
        var again = await client.PostFormAsync(action, fields);

        closed.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        (await client.GetPageAsync(again.Location())).QuerySelector(".flash")!.TextContent.ShouldContain("already closed");
        var stored = await StoredAsync(plan.Id);
        (stored.Status, stored.TrustRecovered, stored.ClosedOn).ShouldBe((RecoveryPlanStatus.Achieved, (bool?)true, (DateOnly?)app.Today));
        var after = await client.GetPageAsync($"/Recovery/Plan/{plan.Id}");
        after.QuerySelector("form.add-step").ShouldBeNull("a closed plan takes no change");
        after.QuerySelector("[data-testid=plan-status]")!.TextContent.ShouldContain("trust recovered: yes");
        (await client.GetPageAsync($"/Relationships/Details/{relationship.Id}")).QuerySelector("a[href^='/Recovery/Open/']").ShouldNotBeNull("a new plan can be opened");
    }

    [Fact]
    public async Task A_draft_is_confirmed_in_the_owner_s_words_and_an_empty_problem_is_refused()
    {
        var relationship = await app.AddRelationshipAsync();
        var plan = await OpenAsync(relationship.Id, asDraft: true);
        var client = await app.CreateClientAsync();

        var empty = await client.SubmitAsync($"/Recovery/Plan/{plan.Id}", new Dictionary<string, string?> { ["Problem"] = " " }, "form[action*='handler=Confirm']");
        (await HtmlForms.ParseAsync(empty)).FieldError("Problem").ShouldBe("Write the problem as the client would state it.");
        (await StoredAsync(plan.Id)).Status.ShouldBe(RecoveryPlanStatus.Draft);

        var confirmed = await client.SubmitAsync($"/Recovery/Plan/{plan.Id}", new Dictionary<string, string?> { ["Problem"] = "You missed our board meeting." }, "form[action*='handler=Confirm']");

        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await StoredAsync(plan.Id);
        (stored.Status, stored.Problem).ShouldBe((RecoveryPlanStatus.Open, "You missed our board meeting."));
    }

    [Fact]
    public async Task Someone_who_may_not_see_the_relationship_finds_no_plan()
    {
        var relationship = await app.AddRelationshipAsync();
        var plan = await OpenAsync(relationship.Id);
        var outsider = await app.CreatePersonAsync($"outsider.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, (await app.CreateTeamAsync($"Out {Guid.NewGuid():N}")).Id);
        var client = await app.CreateClientAsync(outsider.Email!);
        var (_, token) = await client.ReadFormAsync("/Account/SignIn");
        token["Close.Outcome"] = "Abandoned";
        token["Close.TrustRecovered"] = "false";

        (await client.GetAsync($"/Recovery/Plan/{plan.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/Recovery/Open/{relationship.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostFormAsync($"/Recovery/Plan/{plan.Id}?handler=Close", token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StoredAsync(plan.Id)).Status.ShouldBe(RecoveryPlanStatus.Open);
    }
}
