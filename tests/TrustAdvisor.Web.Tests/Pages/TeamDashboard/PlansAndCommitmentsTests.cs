using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.TeamDashboard;

/// <summary>The team's open recovery plans on the dashboard, and the plans and commitments as CSV downloads for managers.</summary>
public class PlansAndCommitmentsTests(PostgresApp app) : PlansAndCommitments(app), IClassFixture<PostgresApp>;

public class SqlitePlansAndCommitmentsTests(SqliteApp app) : PlansAndCommitments(app), IClassFixture<SqliteApp>;

public abstract class PlansAndCommitments(AppFixture app)
{
    private const string Period = "period=custom&from=2026-11-01&to=2026-11-22";

    private async Task<(string Manager, string Advisor, Guid PlanId)> TeamAsync()
    {
        var team = await app.CreateTeamAsync($"Plans {Guid.NewGuid():N}");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var advisor = await app.CreatePersonAsync($"ada.{tag}@plans.test", UserRole.Advisor, team.Id);
        var manager = $"max.{tag}@plans.test";
        await app.CreatePersonAsync(manager, UserRole.Manager, team.Id);
        var relationship = await app.AddRelationshipAsync($"Slipping Client {tag}", owner: advisor);
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-10), new TrustFactors(5, 3, 5, 5));
        var plan = RecoveryPlan.Open(Guid.CreateVersion7(), relationship.Id, advisor.Id, Factor.Reliability, "You missed two deadlines.", app.Today.AddDays(20), app.Today.AddDays(-8));
        plan.AddStep(Guid.CreateVersion7(), "Apologise and reset dates", advisor.Id, app.Today.AddDays(-3));
        var done = plan.AddStep(Guid.CreateVersion7(), "Weekly status note", advisor.Id, app.Today.AddDays(-1));
        plan.AddStep(Guid.CreateVersion7(), "Review with the sponsor", advisor.Id, app.Today.AddDays(10));
        plan.MarkStepDone(done.Id, app.Today.AddDays(-2), app.Today);
        await app.QueryAsync(db =>
        {
            db.RecoveryPlans.Add(plan);
            return db.SaveChangesAsync();
        });
        await app.AddCommitmentAsync(relationship.Id, "=HYPERLINK(\"http://evil\")", madeDaysAgo: 10, dueInDays: -1, madeBy: advisor);
        return (manager, advisor.DisplayName, plan.Id);
    }

    [Fact]
    public async Task The_dashboard_lists_the_team_s_open_plans_with_their_progress_and_overdue_steps()
    {
        var (manager, advisor, planId) = await TeamAsync();

        var page = await (await app.CreateClientAsync(manager)).GetPageAsync($"/TeamDashboard?{Period}");

        var row = page.QuerySelector("[data-testid=open-plans] tbody tr").ShouldNotBeNull();
        row.QuerySelector("th a")!.GetAttribute("href").ShouldBe($"/Recovery/Plan/{planId}");
        row.QuerySelector("[data-label=Owner]")!.TextContent.ShouldBe(advisor);
        row.QuerySelector("[data-label=Progress]")!.TextContent.Trim().ShouldBe("1 of 3 steps done 1 overdue");
    }

    [Fact]
    public async Task Managers_download_the_plans_and_commitments_with_formulas_kept_as_text()
    {
        var (manager, advisor, _) = await TeamAsync();
        var client = await app.CreateClientAsync(manager);

        var plans = await client.GetStringAsync($"/TeamDashboard?handler=Export&table=plans&{Period}");
        var commitments = await client.GetStringAsync($"/TeamDashboard?handler=Export&table=commitments&{Period}");

        plans.Split("\r\n")[1].ShouldEndWith("Open,,,3,1,1");
        plans.ShouldContain("You missed two deadlines.");
        var line = commitments.Split("\r\n")[1];
        line.ShouldContain($",{advisor},");
        line.ShouldContain("'=HYPERLINK");
        line.ShouldContain(",open,");
    }
}
