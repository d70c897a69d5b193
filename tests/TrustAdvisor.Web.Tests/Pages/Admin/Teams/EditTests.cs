using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Admin.Teams;

/// <summary>Renaming a team, and removing one only when nobody and nothing belongs to it.</summary>
public class EditTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_team_is_renamed_and_the_change_audited()
    {
        var team = await app.CreateTeamAsync("Before");
        var admin = await app.CreateClientAsync();
        var name = $"After {Guid.NewGuid():N}";

        (await admin.SubmitAsync($"/Admin/Teams/Edit/{team.Id}", new Dictionary<string, string?> { ["Name"] = $"  {name} " })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.QueryAsync(db => db.Teams.Where(t => t.Id == team.Id).Select(t => t.Name).SingleAsync())).ShouldBe(name);
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == team.Id && e.Kind == AuditKind.TeamRenamed))).ShouldBe(1);
    }

    [Theory]
    [InlineData("", "Enter the team's name.")]
    [InlineData("{taken}", "There is already a team with that name.")]
    [InlineData("{long}", "at most 100 characters")]
    public async Task A_name_that_will_not_do_gets_a_message_and_changes_nothing(string name, string message)
    {
        var team = await app.CreateTeamAsync("Keeps its name");
        var admin = await app.CreateClientAsync();

        var response = await admin.SubmitAsync($"/Admin/Teams/Edit/{team.Id}", new Dictionary<string, string?>
        {
            ["Name"] = name.Replace("{taken}", app.Team.Name, StringComparison.Ordinal).Replace("{long}", new string('t', 101), StringComparison.Ordinal),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError("Name").ShouldNotBeNull().ShouldContain(message);
        (await app.QueryAsync(db => db.Teams.Where(t => t.Id == team.Id).Select(t => t.Name).SingleAsync())).ShouldBe(team.Name);
    }

    [Fact]
    public async Task An_empty_team_is_removed_and_one_with_people_is_not()
    {
        var empty = await app.CreateTeamAsync("Empty");
        var busy = await app.CreateTeamAsync("Busy");
        await app.CreatePersonAsync($"busy.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, busy.Id);
        var admin = await app.CreateClientAsync();

        (await admin.SubmitAsync($"/Admin/Teams/Edit/{empty.Id}", new Dictionary<string, string?>(), "form[action*='Remove']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetPageAsync($"/Admin/Teams/Edit/{busy.Id}")).QuerySelector("form[action*='Remove']").ShouldBeNull();
        var (_, fields) = await admin.ReadFormAsync($"/Admin/Teams/Edit/{busy.Id}");
        var refused = await admin.PostFormAsync($"/Admin/Teams/Edit/{busy.Id}?handler=Remove", fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("still has people or relationships");
        (await app.QueryAsync(db => db.Teams.Where(t => t.Id == empty.Id || t.Id == busy.Id).Select(t => t.Id).ToListAsync())).ShouldBe([busy.Id]);
        (await admin.GetAsync(new Uri($"/Admin/Teams/Edit/{empty.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
