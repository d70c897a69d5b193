using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Admin.People;

/// <summary>Changing a person's role and team: sessions pick it up at once, relationships go with them or to a colleague.</summary>
public class EditTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static string Unique(string name) => $"{name}.{Guid.NewGuid():N}@firm.test";

    private async Task<HttpResponseMessage> ChangeAsync(AppUser person, Dictionary<string, string?> changes) =>
        await (await app.CreateClientAsync()).SubmitAsync($"/Admin/People/Edit/{person.Id}", changes);

    [Fact]
    public async Task A_demoted_manager_loses_the_dashboard_on_their_next_request_without_signing_in_again()
    {
        var manager = await app.CreatePersonAsync(Unique("manager"), UserRole.Manager);
        var session = await app.CreateClientAsync(manager.Email!);
        (await session.GetAsync(new Uri("/TeamDashboard", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ChangeAsync(manager, new() { ["Role"] = "Advisor" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await session.GetAsync(new Uri("/TeamDashboard", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await session.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "the session carries on");
        (await app.QueryAsync(db => db.AuditEvents.Where(e => e.SubjectId == manager.Id && e.Kind == AuditKind.RoleOrTeamChanged).Select(e => e.Detail!).SingleAsync()))
            .ShouldContain("Manager of Test team");
    }

    [Fact]
    public async Task A_demoted_manager_loses_the_dashboard_on_every_instance_of_the_app()
    {
        var manager = await app.CreatePersonAsync(Unique("instances"), UserRole.Manager);
        var signIn = await app.CreateAnonymousClient().SubmitAsync("/Account/SignIn", new Dictionary<string, string?>
        {
            ["Email"] = manager.Email,
            ["Password"] = AppFixture.Password,
        });
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-TrustAdvisor.Session=", StringComparison.Ordinal)).Split(';')[0];
        await using var other = new TrustAdvisorFactory(app.Provider, app.ConnectionString, demoData: false, app.Clock);
        (await DashboardWithAsync(other, cookie)).ShouldBe(HttpStatusCode.OK);

        (await ChangeAsync(manager, new() { ["Role"] = "Advisor" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await DashboardWithAsync(other, cookie)).ShouldBe(HttpStatusCode.NotFound);
        (await DashboardWithAsync(app.Factory, cookie)).ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>The dashboard asked for with only the given session cookie, on the given instance.</summary>
    private static async Task<HttpStatusCode> DashboardWithAsync(WebApplicationFactory<Program> instance, string cookie)
    {
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = TrustAdvisorFactory.Https, AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/TeamDashboard", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task An_advisor_moved_to_another_team_keeps_their_relationships_which_move_with_them()
    {
        var other = await app.CreateTeamAsync("Other team");
        var advisor = await app.CreatePersonAsync(Unique("mover"), UserRole.Advisor);
        var relationship = await app.AddRelationshipAsync("Mover Client", owner: advisor);
        var session = await app.CreateClientAsync(advisor.Email!);

        (await ChangeAsync(advisor, new() { ["TeamId"] = other.Id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.QueryAsync(db => db.Relationships.Where(r => r.Id == relationship.Id).Select(r => new { r.OwnerId, r.TeamId }).SingleAsync()))
            .ShouldBe(new { OwnerId = (Guid?)advisor.Id, TeamId = (Guid?)other.Id });
        (await session.GetAsync(new Uri($"/Relationships/Details/{relationship.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Moving_someone_can_hand_their_relationships_to_a_colleague_of_the_old_team_each_recorded()
    {
        var other = await app.CreateTeamAsync("Third team");
        var leaver = await app.CreatePersonAsync(Unique("leaver"), UserRole.Advisor);
        var colleague = await app.CreatePersonAsync(Unique("colleague"), UserRole.Advisor);
        var first = await app.AddRelationshipAsync("Handed One", owner: leaver);
        var second = await app.AddRelationshipAsync("Handed Two", owner: leaver);

        (await ChangeAsync(leaver, new() { ["TeamId"] = other.Id.ToString(), ["HandTo"] = colleague.Id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var owners = await app.QueryAsync(db => db.Relationships.Where(r => r.Id == first.Id || r.Id == second.Id).Select(r => new { r.OwnerId, r.TeamId }).ToListAsync());
        owners.ShouldAllBe(r => r.OwnerId == colleague.Id && r.TeamId == app.Team.Id);
        (await app.QueryAsync(db => db.HandOffs.CountAsync(h => h.FromOwnerId == leaver.Id && h.ToOwnerId == colleague.Id))).ShouldBe(2);
    }

    [Theory]
    [InlineData("Role", "Overlord", "Role", "Choose a role: Advisor, Manager or Administrator.")]
    [InlineData("TeamId", "", "TeamId", "Advisors and managers work in a team: choose one.")]
    [InlineData("TeamId", "{guid}", "TeamId", "That team does not exist (any more).")]
    [InlineData("HandTo", "{guid}", "HandTo", "Their relationships are handed over only when they move to another team.")]
    public async Task Bad_input_gets_a_message_and_changes_nothing(string field, string value, string errorFor, string message)
    {
        var advisor = await app.CreatePersonAsync(Unique("unchanged"), UserRole.Advisor);
        await app.AddRelationshipAsync("Stays Put", owner: advisor);

        var response = await ChangeAsync(advisor, new() { [field] = value.Replace("{guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError(errorFor).ShouldNotBeNull().ShouldContain(message);
        (await app.QueryAsync(db => db.Users.Where(u => u.Id == advisor.Id).Select(u => new { u.Role, u.TeamId }).SingleAsync()))
            .ShouldBe(new { Role = UserRole.Advisor, TeamId = (Guid?)app.Team.Id });
    }

    [Fact]
    public async Task An_administrator_cannot_change_their_own_role()
    {
        var response = await ChangeAsync(app.Admin, new() { ["Role"] = "Advisor" });

        (await HtmlForms.ParseAsync(response)).FieldError("Role").ShouldBe("You cannot change your own role: another administrator can.");
        (await app.QueryAsync(db => db.Users.Where(u => u.Id == app.Admin.Id).Select(u => u.Role).SingleAsync())).ShouldBe(UserRole.Administrator);
    }
}
