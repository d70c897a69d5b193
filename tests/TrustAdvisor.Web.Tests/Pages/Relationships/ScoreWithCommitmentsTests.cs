using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Coaching;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Relationships;

/// <summary>Promises and constructive risks noted while scoring: stored with the score, once, or not at all.</summary>
public class ScoreWithCommitmentsTests(PostgresApp app) : ScoreWithCommitments(app), IClassFixture<PostgresApp>;

public class SqliteScoreWithCommitmentsTests(SqliteApp app) : ScoreWithCommitments(app), IClassFixture<SqliteApp>;

public abstract class ScoreWithCommitments(AppFixture app)
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Dictionary<string, string?> Scored() => new()
    {
        ["Input.MeetingDate"] = Iso(app.Today),
        ["Input.Kind"] = "InPerson",
        ["Input.Credibility"] = "7",
        ["Input.Reliability"] = "8",
        ["Input.Intimacy"] = "6",
        ["Input.SelfOrientation"] = "3",
    };

    [Fact]
    public async Task A_promise_and_a_risk_noted_while_scoring_are_stored_with_the_meeting()
    {
        var relationship = await app.AddRelationshipAsync();
        var client = await app.CreateClientAsync();
        var fields = Scored();
        fields["Input.Commitments[0].Promise"] = "  Send the draft contract  ";
        fields["Input.Commitments[0].DueOn"] = Iso(app.Today.AddDays(4));
        fields["Input.Commitments[1].Promise"] = "";
        fields["Input.Commitments[1].DueOn"] = "";
        fields["Input.Risks"] = nameof(ConstructiveRisk.AdmittedNotKnowing);

        var response = await client.SubmitAsync($"/Relationships/Score/{relationship.Id}", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetPageAsync(response.Location());
        page.QuerySelector(".flash")!.TextContent.ShouldContain($"Commitment noted, due {app.Today.AddDays(4).ToString("d MMM yyyy", CultureInfo.InvariantCulture)}.");
        page.QuerySelector("[data-testid=open-commitments]")!.TextContent.ShouldContain("Send the draft contract");
        page.QuerySelector("[data-testid=reliability-evidence]").ShouldBeNull("nothing settled yet: no evidence beside reliability");
        var row = page.QuerySelector("table.history tbody tr[id^=a-]")!;
        row.QuerySelector("[data-testid=risk-taken]")!.TextContent.ShouldBe("Admitted not knowing something");
        row.QuerySelector("[data-testid=promise-made]")!.TextContent.ShouldBe("1 promise");
        var assessment = await app.QueryAsync(db => db.Assessments.AsNoTracking().SingleAsync(a => a.RelationshipId == relationship.Id));
        var commitment = await app.QueryAsync(db => db.Commitments.AsNoTracking().SingleAsync(c => c.RelationshipId == relationship.Id));
        (commitment.Promise, commitment.MadeOn, commitment.DueOn, commitment.Status, commitment.AssessmentLineageId)
            .ShouldBe(("Send the draft contract", app.Today, app.Today.AddDays(4), CommitmentStatus.Open, (Guid?)assessment.LineageId));
        var risk = await app.QueryAsync(db => db.RisksTaken.AsNoTracking().SingleAsync(r => r.RelationshipId == relationship.Id));
        (risk.Risk, risk.AssessmentLineageId, risk.MeetingDate).ShouldBe((ConstructiveRisk.AdmittedNotKnowing, assessment.LineageId, app.Today));
    }

    [Fact]
    public async Task The_form_offers_the_promises_and_risks_folded_away()
    {
        var relationship = await app.AddRelationshipAsync();
        var page = await (await app.CreateClientAsync()).GetPageAsync($"/Relationships/Score/{relationship.Id}");

        page.QuerySelector("[data-testid=commitments-fold]")!.HasAttribute("open").ShouldBeFalse();
        page.QuerySelector("[data-testid=risks-fold]")!.HasAttribute("open").ShouldBeFalse();
        page.QuerySelectorAll("input[name$='.Promise']").Length.ShouldBe(3);
        page.QuerySelectorAll("input[name='Input.Risks']").Select(i => i.GetAttribute("value")).ShouldBe(Enum.GetNames<ConstructiveRisk>());
    }

    public static TheoryData<string, string?, string, string> BadRows() => new()
    {
        { "Input.Commitments[0].DueOn", "", "Commitments_0_DueOn", "Give the day it is due." },
        { "Input.Commitments[0].Promise", " ", "Commitments_0_Promise", "Write what was promised, or clear its due date." },
        { "Input.Commitments[0].DueOn", "yesterday", "Commitments_0_DueOn", "is not a valid value" },
        { "Input.Commitments[0].DueOn", "2025-01-01", "Commitments_0_DueOn", "A commitment cannot be due before the meeting it was made in." },
        { "Input.Commitments[0].DueOn", "2030-01-01", "Commitments_0_DueOn", "A commitment is due within a year of the meeting" },
        { "Input.Commitments[0].Promise", new string('p', 301), "Commitments_0_Promise", "The promise can be at most 300 characters; this one has 301." },
        { "Input.Commitments[0].Promise", "tab\u0007bell", "Commitments_0_Promise", "The promise contains characters that cannot be stored" },
        { "Input.Risks", "Bravado", "Risks", "'Bravado' is not a valid value." },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task A_bad_promise_or_risk_is_refused_beside_its_field_and_nothing_is_stored(string field, string? value, string errorFor, string message)
    {
        var relationship = await app.AddRelationshipAsync();
        var fields = Scored();
        fields["Input.Commitments[0].Promise"] = "Send the draft contract";
        fields["Input.Commitments[0].DueOn"] = Iso(app.Today.AddDays(4));
        fields[field] = value;

        var response = await (await app.CreateClientAsync()).SubmitAsync($"/Relationships/Score/{relationship.Id}", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        page.FieldError(errorFor).ShouldNotBeNull().ShouldContain(message);
        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("Nothing was saved");
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(0);
        (await app.QueryAsync(db => db.Commitments.CountAsync(c => c.RelationshipId == relationship.Id))).ShouldBe(0);
        (await app.QueryAsync(db => db.RisksTaken.CountAsync(c => c.RelationshipId == relationship.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task More_rows_than_the_form_has_are_refused()
    {
        var relationship = await app.AddRelationshipAsync();
        var fields = Scored();
        for (var i = 0; i < 4; i++)
        {
            fields[$"Input.Commitments[{i}].Promise"] = $"Promise {i}";
            fields[$"Input.Commitments[{i}].DueOn"] = Iso(app.Today);
        }

        var response = await (await app.CreateClientAsync()).SubmitAsync($"/Relationships/Score/{relationship.Id}", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError("Commitments").ShouldBe("Note at most 3 commitments with one meeting.");
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_refused_form_keeps_the_promise_typed_and_opens_its_fold()
    {
        var relationship = await app.AddRelationshipAsync();
        var fields = Scored();
        fields["Input.Reliability"] = "";
        fields["Input.Commitments[0].Promise"] = "Call their CFO";
        fields["Input.Commitments[0].DueOn"] = Iso(app.Today.AddDays(1));
        fields["Input.Risks"] = nameof(ConstructiveRisk.OfferedPointOfView);

        var page = await HtmlForms.ParseAsync(await (await app.CreateClientAsync()).SubmitAsync($"/Relationships/Score/{relationship.Id}", fields));

        page.QuerySelector("[data-testid=commitments-fold]")!.HasAttribute("open").ShouldBeTrue();
        page.GetElementById("Input_Commitments_0__Promise")!.GetAttribute("value").ShouldBe("Call their CFO");
        page.GetElementById("Input_Commitments_0__DueOn")!.GetAttribute("value").ShouldBe(Iso(app.Today.AddDays(1)));
        page.QuerySelector("input[name='Input.Risks']:checked")!.GetAttribute("value").ShouldBe(nameof(ConstructiveRisk.OfferedPointOfView));
    }

    [Fact]
    public async Task The_same_form_sent_twice_stores_its_promise_once()
    {
        var relationship = await app.AddRelationshipAsync();
        var client = await app.CreateClientAsync();
        var (action, fields) = await client.ReadFormAsync($"/Relationships/Score/{relationship.Id}");
        foreach (var (name, value) in Scored())
        {
            fields[name] = value;
        }

        fields["Input.Commitments[0].Promise"] = "Send the minutes";
        fields["Input.Commitments[0].DueOn"] = Iso(app.Today.AddDays(1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostFormAsync(action, fields)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(1);
        (await app.QueryAsync(db => db.Commitments.CountAsync(c => c.RelationshipId == relationship.Id))).ShouldBe(1);
    }
}
