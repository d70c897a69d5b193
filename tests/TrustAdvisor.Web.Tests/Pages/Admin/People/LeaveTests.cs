using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Admin.People;

/// <summary>Someone leaves the firm in one step: deactivated, sessions and calendar address ended, their work handed over.</summary>
public class LeaveTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static string Unique(string name) => $"{name}.{Guid.NewGuid():N}@firm.test";

    private async Task<(AppUser Leaver, AppUser Colleague, HttpClient LeaversSession)> TeamOfTwoAsync()
    {
        var team = await app.CreateTeamAsync("Leaving team");
        var leaver = await app.CreatePersonAsync(Unique("leaver"), UserRole.Advisor, team.Id);
        var colleague = await app.CreatePersonAsync(Unique("colleague"), UserRole.Advisor, team.Id);
        return (leaver, colleague, await app.CreateClientAsync(leaver.Email!));
    }

    private static Task<HttpResponseMessage> LeaveAsync(HttpClient admin, AppUser person, Dictionary<string, string?> fields) =>
        admin.SubmitAsync($"/Admin/People/Leave/{person.Id}", fields);

    private Task<AppUser> ReloadAsync(AppUser person) => app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id));

    [Fact]
    public async Task A_leaver_is_deactivated_their_relationships_handed_over_their_links_sessions_and_calendar_ended_in_one_step()
    {
        var (leaver, colleague, leaversSession) = await TeamOfTwoAsync();
        var first = await app.AddRelationshipAsync("Leaver One Ltd", owner: leaver);
        var second = await app.AddRelationshipAsync("Leaver Two Ltd", owner: leaver);
        var clientLink = await leaversSession.AskAsync(first.Id);
        var calendar = new Uri((await leaversSession.GetPageAsync("/Account/Settings")).GetElementById("calendar-address")!.GetAttribute("value")!);
        (await app.CreateAnonymousClient().GetAsync(new Uri(calendar.PathAndQuery, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await app.CreateClientAsync();
        var form = await admin.GetPageAsync($"/Admin/People/Leave/{leaver.Id}");
        form.QuerySelectorAll("#HandTo option").Select(o => o.TextContent).ShouldBe(["Choose a colleague", colleague.DisplayName]);

        var response = await LeaveAsync(admin, leaver, new() { ["HandTo"] = colleague.Id.ToString() });

        response.Location().ShouldBe("/Admin/People");
        (await ReloadAsync(leaver)).IsActive.ShouldBeFalse();
        (await leaversSession.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var owners = await app.QueryAsync(db => db.Relationships.Where(r => r.Id == first.Id || r.Id == second.Id).Select(r => r.OwnerId).ToListAsync());
        owners.ShouldAllBe(o => o == colleague.Id);
        (await app.QueryAsync(db => db.HandOffs.CountAsync(h => h.FromOwnerId == leaver.Id && h.ToOwnerId == colleague.Id))).ShouldBe(2);
        (await app.QueryAsync(db => db.Pulses.SingleAsync(p => p.RelationshipId == first.Id))).Status.ShouldBe(PulseStatus.Withdrawn);
        (await app.CreateAnonymousClient().GetAsync(new Uri(clientLink, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CreateAnonymousClient().GetAsync(new Uri(calendar.PathAndQuery, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.SubjectId == leaver.Id && e.Kind == AuditKind.Left))).Detail
            .ShouldBe($"{leaver.Email}: 2 relationships handed to {colleague.DisplayName}, 1 open client links withdrawn");

        // Reactivated later, their old calendar address stays dead.
        await app.QueryAsync(db => db.Users.Where(u => u.Id == leaver.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, true)));
        (await app.CreateAnonymousClient().GetAsync(new Uri(calendar.PathAndQuery, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_leaving_manager_lets_go_of_the_other_teams_they_looked_after()
    {
        var (team, other) = (await app.CreateTeamAsync("Managed team"), await app.CreateTeamAsync("Also managed"));
        var manager = await app.CreatePersonAsync(Unique("manager"), UserRole.Manager, team.Id);
        await app.QueryAsync(async db =>
        {
            db.ManagedTeams.Add(new ManagedTeam { UserId = manager.Id, TeamId = other.Id });
            return await db.SaveChangesAsync();
        });

        (await LeaveAsync(await app.CreateClientAsync(), manager, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await ReloadAsync(manager)).IsActive.ShouldBeFalse();
        (await app.QueryAsync(db => db.ManagedTeams.CountAsync(m => m.UserId == manager.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Their_open_client_links_can_be_left_open_for_the_new_owner()
    {
        var (leaver, colleague, leaversSession) = await TeamOfTwoAsync();
        var relationship = await app.AddRelationshipAsync("Open Link Ltd", owner: leaver);
        var clientLink = await leaversSession.AskAsync(relationship.Id);

        var response = await LeaveAsync(await app.CreateClientAsync(), leaver,
            new() { ["HandTo"] = colleague.Id.ToString(), ["WithdrawClientLinks"] = "false" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Pulses.SingleAsync(p => p.RelationshipId == relationship.Id))).Status.ShouldBe(PulseStatus.Open);
        (await app.CreateAnonymousClient().GetAsync(new Uri(clientLink, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_a_colleague_chosen_or_with_someone_of_another_team_or_a_made_up_one_nothing_changes()
    {
        var (leaver, _, leaversSession) = await TeamOfTwoAsync();
        var relationship = await app.AddRelationshipAsync("Stays Put Ltd", owner: leaver);
        var outsider = await app.CreatePersonAsync(Unique("outsider"), UserRole.Advisor);
        var admin = await app.CreateClientAsync();

        foreach (var handTo in new[] { "", outsider.Id.ToString(), Guid.NewGuid().ToString(), "not-a-person" })
        {
            var response = await LeaveAsync(admin, leaver, new() { ["HandTo"] = handTo });

            response.StatusCode.ShouldBe(HttpStatusCode.OK, handTo);
            (await HtmlForms.ParseAsync(response)).FieldError("HandTo").ShouldNotBeNull(handTo);
        }

        (await ReloadAsync(leaver)).IsActive.ShouldBeTrue();
        (await app.QueryAsync(db => db.Relationships.SingleAsync(r => r.Id == relationship.Id))).OwnerId.ShouldBe(leaver.Id);
        (await leaversSession.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.SubjectId == leaver.Id && e.Kind == AuditKind.Left))).ShouldBeFalse();
    }

    [Fact]
    public async Task Administrators_cannot_mark_themselves_as_leaving_and_someone_with_nothing_to_hand_over_just_leaves()
    {
        var admin = await app.CreateClientAsync();
        var self = await LeaveAsync(admin, app.Admin, new() { ["HandTo"] = null });
        self.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(self)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("You cannot mark yourself as leaving");
        (await ReloadAsync(app.Admin)).IsActive.ShouldBeTrue();

        var (leaver, _, _) = await TeamOfTwoAsync();
        (await LeaveAsync(admin, leaver, new())).Location().ShouldBe("/Admin/People");
        (await ReloadAsync(leaver)).IsActive.ShouldBeFalse();
    }
}

/// <summary>A leaver on the embedded default: the same single step.</summary>
public class LeaveOnSqliteTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_leaver_is_deactivated_and_their_relationship_handed_over()
    {
        var team = await app.CreateTeamAsync("Embedded team");
        var leaver = await app.CreatePersonAsync($"leaver.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, team.Id);
        var colleague = await app.CreatePersonAsync($"colleague.{Guid.NewGuid():N}@firm.test", UserRole.Manager, team.Id);
        var relationship = await app.AddRelationshipAsync("Embedded Ltd", owner: leaver);
        var leaversSession = await app.CreateClientAsync(leaver.Email!);
        await leaversSession.GetPageAsync("/Account/Settings"); // their calendar address exists

        var response = await (await app.CreateClientAsync()).SubmitAsync($"/Admin/People/Leave/{leaver.Id}", new Dictionary<string, string?> { ["HandTo"] = colleague.Id.ToString() });

        response.Location().ShouldBe("/Admin/People");
        (await app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == leaver.Id))).IsActive.ShouldBeFalse();
        (await app.QueryAsync(db => db.Relationships.SingleAsync(r => r.Id == relationship.Id))).OwnerId.ShouldBe(colleague.Id);
        (await leaversSession.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
