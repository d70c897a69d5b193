using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Infrastructure.Reporting;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Access;

/// <summary>
/// Maria manages team A and, once an administrator ticks it, looks after team B too: she sees and reads both as her
/// own team, one at a time on the dashboard and either or both on the overview, and nothing else.
/// </summary>
public class ManagerOfSeveralTeamsTests(TwoTeams app) : IClassFixture<TwoTeams>
{
    private static async Task<IReadOnlyList<string>> ListedAsync(HttpClient client, string url = "/") =>
        (await client.GetPageAsync(url)).QuerySelectorAll("table.relationships tbody th > a:not(.organisation-link)").Select(a => a.TextContent).ToList();

    private static List<string> TeamChoices(IDocument page) =>
        page.QuerySelectorAll("select#team option").Select(o => o.TextContent.Trim()).ToList();

    /// <summary>The administrator's Role and team form for Maria, with the other teams ticked as given (and no other).</summary>
    private async Task<HttpResponseMessage> LookAfterAsync(params Guid[] teams)
    {
        var changes = new Dictionary<string, string?> { ["OtherTeams"] = null };
        for (var i = 0; i < teams.Length; i++)
        {
            changes[$"OtherTeams[{i}]"] = teams[i].ToString();
        }

        return await (await app.CreateClientAsync()).SubmitAsync($"/Admin/People/Edit/{app.Maria.Id}", changes);
    }

    private Guid TeamB => app.Cleo.TeamId!.Value;

    private Task<string> NameOfAsync(Guid team) => app.QueryAsync(db => db.Teams.Where(t => t.Id == team).Select(t => t.Name).SingleAsync());

    [Fact]
    public async Task Once_she_looks_after_a_second_team_her_open_session_sees_it_on_every_page_and_loses_it_when_let_go()
    {
        await LookAfterAsync(); // whatever the class's other tests left
        var maria = await app.CreateClientAsync("maria@firm.test");
        (await ListedAsync(maria)).ShouldNotContain("Cleo's Client Ltd");

        (await LookAfterAsync(TeamB)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await ListedAsync(maria)).ShouldBe(["Anna's Client Ltd", "Ben's Client Ltd", "Cleo's Client Ltd"], ignoreOrder: true);
        (await maria.GetAsync(new Uri($"/Relationships/Details/{app.Cleos.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await maria.GetAsync(new Uri($"/Assessments/Revisions/{app.CleosAssessment.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.AuditEvents.Where(e => e.SubjectId == app.Maria.Id && e.Kind == AuditKind.RoleOrTeamChanged)
            .OrderByDescending(e => e.At).Select(e => e.Detail!).FirstAsync()))
            .ShouldEndWith($"→ Manager of {await NameOfAsync(app.Maria.TeamId!.Value)}, also looking after {await NameOfAsync(TeamB)}");

        (await LookAfterAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await ListedAsync(maria)).ShouldNotContain("Cleo's Client Ltd");
        (await maria.GetAsync(new Uri($"/Relationships/Details/{app.Cleos.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await maria.GetAsync(new Uri($"/TeamDashboard?team={TeamB}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_overview_and_the_dashboard_offer_her_teams_and_only_hers()
    {
        var third = await app.CreateTeamAsync("Team C");
        await LookAfterAsync(TeamB);
        var maria = await app.CreateClientAsync("maria@firm.test");
        var (teamA, teamB) = (await NameOfAsync(app.Maria.TeamId!.Value), await NameOfAsync(TeamB));

        var overview = await maria.GetPageAsync("/");
        TeamChoices(overview).ShouldBe(["All your teams", teamA, teamB]);
        (await ListedAsync(maria, $"/?team={TeamB}")).ShouldBe(["Cleo's Client Ltd"]);
        (await ListedAsync(maria, $"/?team={app.Anna.TeamId}")).ShouldBe(["Anna's Client Ltd", "Ben's Client Ltd"], ignoreOrder: true);
        (await maria.GetAsync(new Uri($"/?team={third.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var ownTeam = await maria.GetPageAsync("/TeamDashboard");
        ownTeam.QuerySelector("h1")!.TextContent.ShouldBe($"Team dashboard: {teamA}");
        TeamChoices(ownTeam).ShouldBe([teamA, teamB]);
        var other = await maria.GetPageAsync($"/TeamDashboard?team={TeamB}");
        other.QuerySelector("h1")!.TextContent.ShouldBe($"Team dashboard: {teamB}");
        other.QuerySelectorAll("#advisor option").Select(o => o.TextContent.Trim()).ShouldContain("cleo");
        (await maria.GetAsync(new Uri($"/TeamDashboard?team={third.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await maria.GetAsync(new Uri($"/TeamDashboard?handler=Export&table=advisors&team={third.Id}", UriKind.Relative))).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);

        var max = await app.CreateClientAsync("max@firm.test");
        TeamChoices(await max.GetPageAsync("/")).ShouldBeEmpty("Max manages one team: nothing to choose");
        (await max.GetAsync(new Uri($"/TeamDashboard?team={app.Anna.TeamId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_reporting_sql_itself_refuses_a_team_the_viewer_does_not_manage()
    {
        var maria = new Viewer(app.Maria.Id, app.Maria.TeamId, UserRole.Manager, SeesAll: false);
        var scope = new TeamScope(TeamB, null, null, null, app.Today.AddYears(-1), app.Today, app.Today);

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => app.QueryAsync(db =>
        {
            db.ViewerAccessor = new FixedViewerAccessor(maria);
            return new DashboardQueries(scope, ByMonth: true, StaleDays: 30).AdvisorsAsync(db, default);
        }));
        refused.Message.ShouldContain("a team its viewer may not read");
        (await app.QueryAsync(db =>
        {
            db.ViewerAccessor = new FixedViewerAccessor(new Viewer(app.Maria.Id, app.Maria.TeamId, UserRole.Manager, SeesAll: false, [TeamB]));
            return new DashboardQueries(scope, ByMonth: true, StaleDays: 30).AdvisorsAsync(db, default);
        })).Select(a => a.Name).ShouldBe(["cleo"]);
    }

    [Theory]
    [InlineData("Advisor", "{teamB}", "Only managers look after other teams: untick them, or make them a manager.")]
    [InlineData("Manager", "{guid}", "One of those teams does not exist (any more). Tick teams from the list.")]
    [InlineData("Manager", "not-a-team", "Tick teams from the list.")]
    public async Task Bad_input_gets_a_message_and_changes_nothing(string role, string team, string message)
    {
        var before = await app.QueryAsync(db => db.ManagedTeams.CountAsync());
        var admin = await app.CreateClientAsync();

        var response = await admin.SubmitAsync($"/Admin/People/Edit/{app.Anna.Id}", new Dictionary<string, string?>
        {
            ["Role"] = role,
            ["OtherTeams"] = team.Replace("{teamB}", TeamB.ToString(), StringComparison.Ordinal)
                .Replace("{guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError("OtherTeams").ShouldBe(message);
        (await app.QueryAsync(db => db.ManagedTeams.CountAsync())).ShouldBe(before);
        (await app.QueryAsync(db => db.Users.Where(u => u.Id == app.Anna.Id).Select(u => u.Role).SingleAsync())).ShouldBe(app.Anna.Role);
    }
}

/// <summary>The same rules on the embedded database, where ids are text: the admin's form, the filter and the report.</summary>
public class ManagerOfSeveralTeamsOnSqliteTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_manager_ticked_for_a_second_team_sees_its_relationships_and_dashboard()
    {
        var (own, other, third) = (await app.CreateTeamAsync("Embedded own"), await app.CreateTeamAsync("Embedded other"), await app.CreateTeamAsync("Embedded third"));
        var manager = await app.CreatePersonAsync($"multi.{Guid.NewGuid():N}@firm.test", UserRole.Manager, own.Id);
        var advisor = await app.CreatePersonAsync($"other.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, other.Id);
        var outsider = await app.CreatePersonAsync($"third.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, third.Id);
        var theirs = await app.AddRelationshipAsync("Embedded Other Ltd", owner: advisor);
        var hidden = await app.AddRelationshipAsync("Embedded Third Ltd", owner: outsider);
        await app.AddAssessmentAsync(theirs.Id, app.Today.AddDays(-3), new Domain.Trust.TrustFactors(6, 6, 6, 3));
        var session = await app.CreateClientAsync(manager.Email!);

        (await (await app.CreateClientAsync()).SubmitAsync($"/Admin/People/Edit/{manager.Id}", new Dictionary<string, string?>
        {
            ["OtherTeams"] = other.Id.ToString(),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await session.GetAsync(new Uri($"/Relationships/Details/{theirs.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await session.GetAsync(new Uri($"/Relationships/Details/{hidden.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var listed = (await session.GetPageAsync($"/?team={other.Id}")).QuerySelectorAll("table.relationships tbody th > a:not(.organisation-link)").Select(a => a.TextContent);
        listed.ShouldBe(["Embedded Other Ltd"]);
        var dashboard = await session.GetPageAsync($"/TeamDashboard?team={other.Id}");
        dashboard.QuerySelector("h1")!.TextContent.ShouldStartWith("Team dashboard: Embedded other");
        dashboard.QuerySelectorAll("#advisor option").Select(o => o.TextContent.Trim()).ShouldContain(advisor.DisplayName);
        (await session.GetAsync(new Uri($"/TeamDashboard?team={third.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
