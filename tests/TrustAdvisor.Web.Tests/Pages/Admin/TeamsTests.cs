using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Admin;

public class TeamsTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task An_administrator_adds_a_team_once_even_if_the_form_is_sent_twice()
    {
        var admin = await app.CreateClientAsync();
        var (action, fields) = await admin.ReadFormAsync("/Admin/Teams");
        fields["Name"] = "Tax Advisory";

        var first = await admin.PostFormAsync(action, fields);
        var second = await admin.PostFormAsync(action, fields);

        (first.StatusCode, second.StatusCode).ShouldBe((HttpStatusCode.Redirect, HttpStatusCode.Redirect));
        (await app.QueryAsync(db => db.Teams.CountAsync(t => t.Name == "Tax Advisory"))).ShouldBe(1);
        (await admin.GetPageAsync("/Admin/Teams")).QuerySelector("table")!.TextContent.ShouldContain("Tax Advisory");
    }

    [Theory]
    [InlineData("", "Enter the team's name.")]
    [InlineData("   ", "Enter the team's name.")]
    [InlineData("Bell\u0007Team", "cannot be stored")]
    public async Task Bad_names_get_a_message_and_add_nothing(string name, string message)
    {
        var admin = await app.CreateClientAsync();
        var before = await app.QueryAsync(db => db.Teams.CountAsync());

        var response = await admin.SubmitAsync("/Admin/Teams", new Dictionary<string, string?> { ["Name"] = name });

        (await HtmlForms.ParseAsync(response)).FieldError("Name").ShouldNotBeNull().ShouldContain(message);
        (await app.QueryAsync(db => db.Teams.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Overlong_and_duplicate_names_are_refused()
    {
        var admin = await app.CreateClientAsync();

        var overlong = await admin.SubmitAsync("/Admin/Teams", new Dictionary<string, string?> { ["Name"] = new string('t', 10_000) });
        var duplicate = await admin.SubmitAsync("/Admin/Teams", new Dictionary<string, string?> { ["Name"] = app.Team.Name });

        (await HtmlForms.ParseAsync(overlong)).FieldError("Name").ShouldBe("A team name can be at most 100 characters; this one has 10,000.");
        (await HtmlForms.ParseAsync(duplicate)).FieldError("Name").ShouldBe("There is already a team with that name.");
    }
}
