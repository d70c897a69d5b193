using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Pages.Offline;
using TrustAdvisor.Web.Pages.Relationships;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Relationships;

/// <summary>
/// A score kept on a phone while offline, sent later by the service worker (Score?handler=Queued): the same rules as
/// the form, answered in JSON, stored exactly once however often it is sent.
/// </summary>
public class ScoreQueuedTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static Dictionary<string, string?> Kept(Guid id, int c = 7) => new()
    {
        ["AssessmentId"] = id.ToString(),
        ["Input.MeetingDate"] = "",
        ["Input.Kind"] = "Call",
        ["Input.Credibility"] = c.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Reliability"] = "6",
        ["Input.Intimacy"] = "5",
        ["Input.SelfOrientation"] = "3",
        ["Input.Note"] = "Scored in the lift.",
    };

    /// <summary>Sends a kept score as the worker does: with the token the session handler gives at the time.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpClient phone, Guid relationship, Dictionary<string, string?> fields, bool withToken = true)
    {
        var session = await phone.GetFromJsonAsync<OfflineSession>("/Offline?handler=Session");
        var body = new Dictionary<string, string?>(fields) { ["Input.MeetingDate"] = fields["Input.MeetingDate"] is "" ? app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : fields["Input.MeetingDate"] };
        if (withToken)
        {
            body[HtmlForms.Token] = session!.Token;
        }

        return await phone.PostFormAsync($"/Relationships/Score/{relationship}?handler=Queued", body);
    }

    [Fact]
    public async Task A_kept_score_is_stored_once_however_often_it_is_sent()
    {
        var relationship = await app.AddRelationshipAsync();
        var phone = await app.CreateClientAsync();
        var id = Guid.CreateVersion7();

        var first = await SendAsync(phone, relationship.Id, Kept(id));
        var again = await SendAsync(phone, relationship.Id, Kept(id));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = (await first.Content.ReadFromJsonAsync<ScoreModel.QueuedAnswer>())!;
        answer.Message.ShouldBe("Saved. T is 6.0: the first assessment of this relationship.");
        answer.Url.ShouldBe($"/Relationships/Details/{relationship.Id}#a-{id}");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<ScoreModel.QueuedAnswer>())!.Message.ShouldBe("That assessment was already saved; it is stored once.");
        var stored = await app.QueryAsync(db => db.Assessments.AsNoTracking().Where(a => a.RelationshipId == relationship.Id).ToListAsync());
        stored.ShouldHaveSingleItem().Id.ShouldBe(id);
        stored[0].Note.ShouldBe("Scored in the lift.");
    }

    public static TheoryData<string, string?, string> BadValues() => new()
    {
        { "Input.Credibility", "11", "Credibility must be a whole number from 1 to 10." },
        { "Input.Credibility", "abc", "'abc' is not a valid value" },
        { "Input.SelfOrientation", null, "Score Self-orientation from 1 to 10." },
        { "Input.MeetingDate", "2999-01-01", "The meeting date cannot be in the future." },
        { "AssessmentId", "", "This form is incomplete, so nothing was saved." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_kept_score_with_a_value_refused_says_why_and_stores_nothing(string field, string? value, string reason)
    {
        var relationship = await app.AddRelationshipAsync();
        var phone = await app.CreateClientAsync();
        var fields = Kept(Guid.CreateVersion7());
        fields[field] = value;
        if (value is null)
        {
            fields.Remove(field);
        }

        var response = await SendAsync(phone, relationship.Id, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<ScoreModel.QueuedRefusal>())!.Reason.ShouldContain(reason);
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_commitment_noted_offline_is_sent_with_the_score_and_stored_once()
    {
        var relationship = await app.AddRelationshipAsync();
        var phone = await app.CreateClientAsync();
        var id = Guid.CreateVersion7();
        var kept = Kept(id);
        kept["Input.Commitments[0].Promise"] = "Send the minutes";
        kept["Input.Commitments[0].DueOn"] = app.Today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        kept["Input.Risks"] = "OfferedPointOfView";

        var first = await SendAsync(phone, relationship.Id, kept);
        var again = await SendAsync(phone, relationship.Id, kept);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadFromJsonAsync<ScoreModel.QueuedAnswer>())!.Message.ShouldContain("Commitment noted, due");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var commitment = (await app.QueryAsync(db => db.Commitments.AsNoTracking().Where(c => c.RelationshipId == relationship.Id).ToListAsync())).ShouldHaveSingleItem();
        (commitment.Promise, commitment.AssessmentLineageId).ShouldBe(("Send the minutes", (Guid?)id));
        (await app.QueryAsync(db => db.RisksTaken.CountAsync(r => r.RelationshipId == relationship.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task A_kept_score_with_a_bad_promise_says_why_and_stores_nothing()
    {
        var relationship = await app.AddRelationshipAsync();
        var kept = Kept(Guid.CreateVersion7());
        kept["Input.Commitments[0].Promise"] = "Send the minutes";

        var response = await SendAsync(await app.CreateClientAsync(), relationship.Id, kept);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<ScoreModel.QueuedRefusal>())!.Reason.ShouldBe("Give the day it is due.");
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_kept_score_for_a_relationship_archived_meanwhile_is_refused_with_why()
    {
        var relationship = await app.AddRelationshipAsync();
        await app.QueryAsync(db => db.Relationships.Where(r => r.Id == relationship.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ArchivedAt, DateTime.UtcNow)));

        var response = await SendAsync(await app.CreateClientAsync(), relationship.Id, Kept(Guid.CreateVersion7()));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<ScoreModel.QueuedRefusal>())!.Reason
            .ShouldBe("This relationship is archived, so nothing was saved. Restore it to score it.");
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_kept_score_for_a_relationship_that_is_no_longer_theirs_is_not_found_and_stores_nothing()
    {
        var other = await app.CreatePersonAsync($"other.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, app.Team.Id);
        var theirs = await app.AddRelationshipAsync(owner: other);
        var advisor = await app.CreatePersonAsync($"advisor.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, app.Team.Id);

        var response = await SendAsync(await app.CreateClientAsync(advisor.Email!), theirs.Id, Kept(Guid.CreateVersion7()));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CountAssessmentsAsync(theirs.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Without_a_token_or_a_session_nothing_is_stored_and_the_score_can_wait()
    {
        var relationship = await app.AddRelationshipAsync();
        var phone = await app.CreateClientAsync();

        (await SendAsync(phone, relationship.Id, Kept(Guid.CreateVersion7()), withToken: false)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var signedOut = app.CreateAnonymousClient();
        var session = (await signedOut.GetFromJsonAsync<OfflineSession>("/Offline?handler=Session"))!;
        (session.Person, session.Token).ShouldBe((null, null));
        var redirected = await signedOut.PostFormAsync($"/Relationships/Score/{relationship.Id}?handler=Queued", Kept(Guid.CreateVersion7()));
        redirected.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the worker sees a redirect, keeps the score and asks to sign in");

        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(0);
    }
}
