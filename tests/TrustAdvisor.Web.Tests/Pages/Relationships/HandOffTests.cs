using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Relationships;

public class HandOffTests(TwoTeams app) : IClassFixture<TwoTeams>
{
    private async Task<Guid?> OwnerOfAsync(Guid relationshipId) =>
        await app.QueryAsync(db => db.Relationships.Where(r => r.Id == relationshipId).Select(r => r.OwnerId).SingleAsync());

    [Fact]
    public async Task The_owner_hands_over_and_the_new_owner_builds_from_a_baseline()
    {
        var relationship = await app.AddRelationshipAsync("Handed Over Ltd", owner: app.Anna);
        var earlier = await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-30), new Domain.Trust.TrustFactors(7, 7, 7, 3));
        var anna = await app.CreateClientAsync("anna@firm.test");

        var response = await anna.SubmitAsync($"/Relationships/HandOff/{relationship.Id}", new Dictionary<string, string?>
        {
            ["ToOwnerId"] = app.Ben.Id.ToString(),
            ["Note"] = "Anna moves to the audit team; Ben has met them twice.",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/"); // back to her list: she no longer sees it
        (await OwnerOfAsync(relationship.Id)).ShouldBe(app.Ben.Id);
        (await anna.GetAsync(new Uri($"/Relationships/Details/{relationship.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.QueryAsync(db => db.Assessments.SingleAsync(a => a.Id == earlier.Id))).AuthorId.ShouldBe(app.Admin.Id);

        var ben = await app.CreateClientAsync("ben@firm.test");
        (await ben.SubmitAsync($"/Relationships/Score/{relationship.Id}", new Dictionary<string, string?>
        {
            ["Input.Credibility"] = "6",
            ["Input.Reliability"] = "5",
            ["Input.Intimacy"] = "5",
            ["Input.SelfOrientation"] = "4",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var history = await ben.GetPageAsync($"/Relationships/Details/{relationship.Id}");
        var rows = history.QuerySelectorAll(".history tbody tr");
        rows.Length.ShouldBe(3);
        rows[0].QuerySelector(".baseline")!.TextContent.ShouldBe("Baseline");
        rows[1].ClassList.ShouldContain("hand-off");
        rows[1].TextContent.ShouldContain("Handed over from anna to ben (by anna): Anna moves to the audit team; Ben has met them twice.");
        rows[2].QuerySelector(".baseline").ShouldBeNull();
    }

    [Fact]
    public async Task A_manager_hands_over_a_teammates_relationship_and_keeps_seeing_it()
    {
        var relationship = await app.AddRelationshipAsync("Manager Moves Ltd", owner: app.Ben);
        var maria = await app.CreateClientAsync("maria@firm.test");

        var response = await maria.SubmitAsync($"/Relationships/HandOff/{relationship.Id}", new Dictionary<string, string?>
        {
            ["ToOwnerId"] = app.Anna.Id.ToString(),
            ["Note"] = "Ben is on leave for six months.",
        });

        response.Location().ShouldBe($"/Relationships/Details/{relationship.Id}");
        (await OwnerOfAsync(relationship.Id)).ShouldBe(app.Anna.Id);
        (await app.QueryAsync(db => db.HandOffs.SingleAsync(h => h.RelationshipId == relationship.Id))).ByUserId.ShouldBe(app.Maria.Id);
    }

    public static TheoryData<string, string, string, string> BadInputs() => new()
    {
        { "cleo", "Keep it in the firm.", "ToOwnerId", "Choose an advisor of this relationship's team" },
        { "anna", "To myself.", "ToOwnerId", "Choose an advisor of this relationship's team" },
        { "maria", "To the manager.", "ToOwnerId", "Choose an advisor of this relationship's team" },
        { "ben", "", "Note", "Say why the relationship changes hands" },
        { "ben", new string('n', 10_000), "Note", "The note can be at most 500 characters; this one has 10,000." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_a_message_and_changes_nothing(string target, string note, string field, string message)
    {
        var relationship = await app.AddRelationshipAsync($"Stays Put {Guid.NewGuid():N}", owner: app.Anna);
        var to = target switch { "cleo" => app.Cleo, "anna" => app.Anna, "maria" => app.Maria, _ => app.Ben };
        var anna = await app.CreateClientAsync("anna@firm.test");

        var response = await anna.SubmitAsync($"/Relationships/HandOff/{relationship.Id}", new Dictionary<string, string?>
        {
            ["ToOwnerId"] = to.Id.ToString(),
            ["Note"] = note,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError(field).ShouldNotBeNull().ShouldContain(message);
        (await OwnerOfAsync(relationship.Id)).ShouldBe(app.Anna.Id);
        (await app.QueryAsync(db => db.HandOffs.CountAsync(h => h.RelationshipId == relationship.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Submitting_the_hand_off_twice_records_it_once()
    {
        var relationship = await app.AddRelationshipAsync("Double Click Ltd", owner: app.Anna);
        var maria = await app.CreateClientAsync("maria@firm.test");
        var (action, form) = await maria.ReadFormAsync($"/Relationships/HandOff/{relationship.Id}");
        (form["ToOwnerId"], form["Note"]) = (app.Ben.Id.ToString(), "Reorganisation.");

        var first = await maria.PostFormAsync(action, form);
        var second = await maria.PostFormAsync(action, form);

        (first.StatusCode, second.StatusCode).ShouldBe((HttpStatusCode.Redirect, HttpStatusCode.Redirect));
        (await app.QueryAsync(db => db.HandOffs.CountAsync(h => h.RelationshipId == relationship.Id))).ShouldBe(1);
        (await OwnerOfAsync(relationship.Id)).ShouldBe(app.Ben.Id);
    }
}

/// <summary>
/// On the embedded default too: SQLite keeps ids as upper-case text, and the advisors offered were once compared with
/// the posted (lower-case) id, so no hand-off could be saved there.
/// </summary>
public class HandOffOnSqliteTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_owner_hands_over_to_an_advisor_of_the_team()
    {
        var team = await app.CreateTeamAsync("Embedded hand-off team");
        var owner = await app.CreatePersonAsync($"owner.{Guid.NewGuid():N}@firm.test", TrustAdvisor.Infrastructure.Identity.UserRole.Advisor, team.Id);
        var next = await app.CreatePersonAsync($"next.{Guid.NewGuid():N}@firm.test", TrustAdvisor.Infrastructure.Identity.UserRole.Advisor, team.Id);
        var relationship = await app.AddRelationshipAsync("Embedded Hand-off Ltd", owner: owner);

        var response = await (await app.CreateClientAsync(owner.Email!)).SubmitAsync($"/Relationships/HandOff/{relationship.Id}", new Dictionary<string, string?>
        {
            ["ToOwnerId"] = next.Id.ToString(),
            ["Note"] = "Moving on.",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Relationships.SingleAsync(r => r.Id == relationship.Id))).OwnerId.ShouldBe(next.Id);
    }
}
