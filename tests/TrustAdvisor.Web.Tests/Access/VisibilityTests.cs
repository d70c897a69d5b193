using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Access;

public class VisibilityTests(TwoTeams app) : IClassFixture<TwoTeams>
{
    private static IEnumerable<string> PagesOf(Relationship relationship, Assessment? assessment)
    {
        yield return $"/Relationships/Details/{relationship.Id}";
        yield return $"/Relationships/Score/{relationship.Id}";
        yield return $"/Relationships/Edit/{relationship.Id}";
        yield return $"/Relationships/Archive/{relationship.Id}";
        if (assessment is not null)
        {
            yield return $"/Assessments/Correct/{assessment.Id}";
            yield return $"/Assessments/Revisions/{assessment.Id}";
        }
    }

    private static async Task<IReadOnlyList<string>> ListedAsync(HttpClient client) =>
        (await client.GetPageAsync("/")).QuerySelectorAll("table.relationships tbody th a:not(.organisation-link)").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task An_advisor_sees_only_their_own_relationships()
    {
        var anna = await app.CreateClientAsync("anna@firm.test");

        (await ListedAsync(anna)).ShouldBe(["Anna's Client Ltd"]); // Anna owns nothing else, whatever other tests add
        foreach (var url in PagesOf(app.Annas, null))
        {
            (await anna.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }

        foreach (var url in PagesOf(app.Bens, app.BensAssessment).Concat(PagesOf(app.Cleos, app.CleosAssessment)))
        {
            var response = await anna.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("Client Ltd", customMessage: url);
        }
    }

    [Fact]
    public async Task A_manager_sees_and_scores_the_teams_relationships_but_not_another_teams()
    {
        var maria = await app.CreateClientAsync("maria@firm.test");

        var listed = await ListedAsync(maria);
        listed.ShouldContain("Anna's Client Ltd");
        listed.ShouldContain("Ben's Client Ltd");
        listed.ShouldNotContain("Cleo's Client Ltd");
        var history = await maria.GetPageAsync($"/Relationships/Details/{app.Bens.Id}");
        history.QuerySelector(".lead")!.TextContent.ShouldContain("owned by ben");
        history.QuerySelectorAll(".history tbody tr").Length.ShouldBe(1);
        var scored = await maria.SubmitAsync($"/Relationships/Score/{app.Bens.Id}", new Dictionary<string, string?>
        {
            ["Input.Credibility"] = "6",
            ["Input.Reliability"] = "6",
            ["Input.Intimacy"] = "6",
            ["Input.SelfOrientation"] = "4",
        });
        scored.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Assessments.CountAsync(a => a.RelationshipId == app.Bens.Id && a.AuthorId == app.Maria.Id))).ShouldBe(1);
        (await maria.GetPageAsync($"/Relationships/Details/{app.Bens.Id}")).QuerySelector(".history")!.TextContent.ShouldContain("scored by maria");

        foreach (var url in PagesOf(app.Cleos, app.CleosAssessment))
        {
            (await maria.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
    }

    [Fact]
    public async Task Guessing_another_teams_ids_in_a_post_changes_nothing()
    {
        var cleo = await app.CreateClientAsync("cleo@firm.test");
        var before = await app.CountAssessmentsAsync(app.Annas.Id);
        var (_, scoreForm) = await cleo.ReadFormAsync($"/Relationships/Score/{app.Cleos.Id}");
        foreach (var (name, value) in new Dictionary<string, string?> { ["Input.Credibility"] = "1", ["Input.Reliability"] = "1", ["Input.Intimacy"] = "1", ["Input.SelfOrientation"] = "10" })
        {
            scoreForm[name] = value;
        }

        var (_, editForm) = await cleo.ReadFormAsync($"/Relationships/Edit/{app.Cleos.Id}");
        editForm["Input.ClientOrganisation"] = "Hijacked";
        var (_, correctForm) = await cleo.ReadFormAsync($"/Assessments/Correct/{app.CleosAssessment.Id}");
        correctForm["Reason"] = "Tampering";

        (await cleo.PostFormAsync($"/Relationships/Score/{app.Annas.Id}", scoreForm)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cleo.PostFormAsync($"/Relationships/Edit/{app.Annas.Id}", editForm)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cleo.PostFormAsync($"/Relationships/Archive/{app.Annas.Id}", editForm)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cleo.PostFormAsync($"/Relationships/Archive/{app.Annas.Id}?handler=Restore", editForm)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cleo.PostFormAsync($"/Assessments/Correct/{app.BensAssessment.Id}", correctForm)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await app.CountAssessmentsAsync(app.Annas.Id)).ShouldBe(before);
        var annas = await app.QueryAsync(db => db.Relationships.AsNoTracking().Include(r => r.Contact).ThenInclude(c => c.Organisation).SingleAsync(r => r.Id == app.Annas.Id));
        (annas.Contact.Organisation.Name, annas.IsArchived).ShouldBe(("Anna's Client Ltd", false));
        (await app.QueryAsync(db => db.Assessments.CountAsync(a => a.LineageId == app.BensAssessment.LineageId))).ShouldBe(1);
    }

    [Fact]
    public async Task An_administrator_sees_every_team()
    {
        var admin = await app.CreateClientAsync();

        var listed = await ListedAsync(admin);
        new[] { "Anna's Client Ltd", "Ben's Client Ltd", "Cleo's Client Ltd" }.ShouldAllBe(client => listed.Contains(client));
        (await admin.GetAsync(new Uri($"/Relationships/Details/{app.Cleos.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_new_relationship_belongs_to_its_creator_and_their_team()
    {
        var ben = await app.CreateClientAsync("ben@firm.test");

        var response = await ben.SubmitAsync("/Relationships/Create", new Dictionary<string, string?>
        {
            ["Input.ClientOrganisation"] = "Ben's Second Client",
            ["Input.ContactName"] = "Kim",
            ["Input.Stage"] = "Meet",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var created = await app.QueryAsync(db => db.Relationships.SingleAsync(r => r.Contact.Organisation.Name == "Ben's Second Client"));
        (created.OwnerId, created.TeamId).ShouldBe((app.Ben.Id, app.Ben.TeamId));
        (await ListedAsync(await app.CreateClientAsync("anna@firm.test"))).ShouldNotContain("Ben's Second Client");
        (await ListedAsync(await app.CreateClientAsync("maria@firm.test"))).ShouldContain("Ben's Second Client");
    }

    [Fact]
    public async Task Owner_and_team_cannot_be_posted_they_come_from_the_signed_in_person()
    {
        var ben = await app.CreateClientAsync("ben@firm.test");
        var cleosTeam = app.Cleo.TeamId.ToString();

        var response = await ben.SubmitAsync("/Relationships/Create", new Dictionary<string, string?>
        {
            ["Input.ClientOrganisation"] = "Over-posted Ltd",
            ["Input.ContactName"] = "Kim",
            ["Input.Stage"] = "Meet",
            ["Input.TeamId"] = cleosTeam,
            ["Input.OwnerId"] = app.Cleo.Id.ToString(),
            ["TeamId"] = cleosTeam,
            ["OwnerId"] = app.Cleo.Id.ToString(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var created = await app.QueryAsync(db => db.Relationships.SingleAsync(r => r.Contact.Organisation.Name == "Over-posted Ltd"));
        (created.OwnerId, created.TeamId).ShouldBe((app.Ben.Id, app.Ben.TeamId));
        (await ListedAsync(await app.CreateClientAsync("cleo@firm.test"))).ShouldNotContain("Over-posted Ltd");
    }

    [Fact]
    public async Task Someone_without_a_team_cannot_add_relationships()
    {
        var loner = await app.CreatePersonAsync($"loner.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        await app.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == loner.Id);
            user.TeamId = null;
            return await db.SaveChangesAsync();
        });
        var client = await app.CreateClientAsync(loner.Email!);

        var response = await client.SubmitAsync("/Relationships/Create", new Dictionary<string, string?>
        {
            ["Input.ClientOrganisation"] = "Orphan Ltd",
            ["Input.ContactName"] = "Kim",
            ["Input.Stage"] = "Meet",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("You are not in a team yet");
        (await app.QueryAsync(db => db.Relationships.CountAsync(r => r.Contact.Organisation.Name == "Orphan Ltd"))).ShouldBe(0);
    }
}
