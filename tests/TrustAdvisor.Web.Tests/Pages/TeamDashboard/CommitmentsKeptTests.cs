using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Coaching;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.TeamDashboard;

/// <summary>Per advisor on the team dashboard: promises kept on time in the period, and constructive risks recorded.</summary>
public class CommitmentsKeptTests(PostgresApp app) : CommitmentsKept(app), IClassFixture<PostgresApp>;

public class SqliteCommitmentsKeptTests(SqliteApp app) : CommitmentsKept(app), IClassFixture<SqliteApp>;

public abstract class CommitmentsKept(AppFixture app)
{
    private const string Period = "period=custom&from=2026-11-01&to=2026-11-22";

    private async Task<(string Manager, string Keeper, string Quiet)> TeamAsync()
    {
        var team = await app.CreateTeamAsync($"Promises {Guid.NewGuid():N}");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var keeper = await app.CreatePersonAsync($"kim.{tag}@promises.test", UserRole.Advisor, team.Id);
        var quiet = await app.CreatePersonAsync($"quinn.{tag}@promises.test", UserRole.Advisor, team.Id);
        var manager = $"mo.{tag}@promises.test";
        await app.CreatePersonAsync(manager, UserRole.Manager, team.Id);
        var relationship = await app.AddRelationshipAsync($"Promise Client {tag}", owner: keeper);
        var assessment = await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-20), new TrustFactors(7, 7, 7, 3));

        var onTime = await app.AddCommitmentAsync(relationship.Id, "On time", madeDaysAgo: 20, dueInDays: -10, madeBy: keeper);
        var late = await app.AddCommitmentAsync(relationship.Id, "Late", madeDaysAgo: 20, dueInDays: -15, madeBy: keeper);
        await app.AddCommitmentAsync(relationship.Id, "Overdue", madeDaysAgo: 20, dueInDays: -2, madeBy: keeper);
        await app.AddCommitmentAsync(relationship.Id, "Not due yet", madeDaysAgo: 20, dueInDays: 3, madeBy: keeper);
        var before = await app.AddCommitmentAsync(relationship.Id, "Before the period", madeDaysAgo: 60, dueInDays: -50, madeBy: keeper);
        await app.QueryAsync(async db =>
        {
            var stored = await db.Commitments.Where(c => c.Id == onTime.Id || c.Id == late.Id || c.Id == before.Id).ToListAsync();
            stored.Single(c => c.Id == onTime.Id).MarkKept(app.Today.AddDays(-11), keeper.Id, app.Today);
            stored.Single(c => c.Id == late.Id).MarkKept(app.Today.AddDays(-5), keeper.Id, app.Today);
            stored.Single(c => c.Id == before.Id).MarkKept(app.Today.AddDays(-50), keeper.Id, app.Today);
            db.RisksTaken.Add(RiskTaken.In(Guid.CreateVersion7(), relationship.Id, assessment.LineageId, ConstructiveRisk.AdmittedNotKnowing, assessment.MeetingDate, keeper.Id));
            db.RisksTaken.Add(RiskTaken.In(Guid.CreateVersion7(), relationship.Id, assessment.LineageId, ConstructiveRisk.OfferedPointOfView, assessment.MeetingDate, keeper.Id));
            return await db.SaveChangesAsync();
        });
        return (manager, keeper.DisplayName, quiet.DisplayName);
    }

    [Fact]
    public async Task Each_advisor_shows_the_share_of_promises_kept_on_time_and_the_risks_recorded_in_the_period()
    {
        var (manager, keeper, quiet) = await TeamAsync();

        var page = await (await app.CreateClientAsync(manager)).GetPageAsync($"/TeamDashboard?{Period}");

        var rows = page.QuerySelectorAll("#advisors tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim());
        rows[keeper].QuerySelector("[data-testid=kept-on-time]")!.TextContent.ShouldBe("1 of 3 (33%)", "kept on time, kept late and overdue; not yet due and before the period do not count");
        rows[keeper].QuerySelector("[data-testid=risks-taken]")!.TextContent.ShouldBe("2");
        rows[quiet].QuerySelector("[data-testid=kept-on-time]")!.TextContent.ShouldBe("none due");
        rows[quiet].QuerySelector("[data-testid=risks-taken]")!.TextContent.ShouldBe("0");
    }

    [Fact]
    public async Task The_advisors_download_has_the_commitments_due_kept_on_time_and_risks()
    {
        var (manager, keeper, _) = await TeamAsync();

        var csv = await (await app.CreateClientAsync(manager)).GetStringAsync($"/TeamDashboard?handler=Export&table=advisors&{Period}");

        csv.Split("\r\n").Single(l => l.StartsWith(keeper, StringComparison.Ordinal)).ShouldEndWith(",3,1,2");
    }
}
