using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Reporting;

namespace TrustAdvisor.Web.Tests.Pages.TeamDashboard;

/// <summary>
/// The moments query has a LATERAL form (PostgreSQL) and a windowed one (SQLite, which has no LATERAL): on the
/// demo team's history both find the same steps, every one of them, for the whole team and for one advisor.
/// </summary>
public class TrustMomentTests(PostgresDemoApp app) : IClassFixture<PostgresDemoApp>
{
    private const int All = 100_000;

    [Fact]
    public async Task The_lateral_and_the_windowed_forms_find_the_same_steps()
    {
        var email = AccountSeeder.DemoAccounts.Single(a => a.Role == UserRole.Manager).Email;
        var manager = await app.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));
        var advisor = await app.QueryAsync(db => db.Users.FirstAsync(u => u.Role == UserRole.Advisor && u.TeamId == manager.TeamId));
        var team = new TeamScope(manager.TeamId!.Value, null, null, null, app.Today.AddYears(-1).AddDays(1), app.Today, app.Today);
        var oneAdvisor = team with { AdvisorId = advisor.Id, From = app.Today.AddMonths(-3) };

        foreach (var scope in new[] { team, oneAdvisor })
        {
            var lateral = await StepsAsync(scope, lateral: true);
            var windowed = await StepsAsync(scope, lateral: false);

            lateral.Count.ShouldBeGreaterThan(5);
            lateral.ShouldBe(windowed);
        }
    }

    private async Task<List<string>> StepsAsync(TeamScope scope, bool lateral)
    {
        var rows = await app.QueryAsync(db => TeamSql.QueryAsync<TrustMoment>(db, TrustMoment.Statement(db.Sql, scope, All, lateral), default));
        return rows.Select(m => $"{m.RelationshipId} {m.MeetingDate:O} {m.MeetingKind} {m.PreviousCredibility}{m.PreviousReliability}{m.PreviousIntimacy}{m.PreviousSelfOrientation}→{m.Credibility}{m.Reliability}{m.Intimacy}{m.SelfOrientation}")
            .Order(StringComparer.Ordinal).ToList();
    }
}
