using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Assessments;

public class CorrectTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private Task<List<Assessment>> LineageAsync(Guid lineageId) =>
        app.QueryAsync(db => db.Assessments.AsNoTracking().Where(a => a.LineageId == lineageId).OrderBy(a => a.Revision).ToListAsync());

    private async Task<(Domain.Relationships.Relationship, Assessment)> ScoredAsync()
    {
        var relationship = await app.AddRelationshipAsync("Corrections Ltd");
        var assessment = await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-3), new TrustFactors(7, 8, 6, 3), "Original note");
        return (relationship, assessment);
    }

    [Fact]
    public async Task A_correction_adds_a_revision_and_the_history_shows_it()
    {
        var (relationship, original) = await ScoredAsync();
        var client = await app.CreateClientAsync();

        var form = await client.GetPageAsync($"/Assessments/Correct/{original.Id}");
        form.QuerySelector("input[name='Input.SelfOrientation']:checked")!.GetAttribute("value").ShouldBe("3");
        var response = await client.SubmitAsync($"/Assessments/Correct/{original.Id}", new Dictionary<string, string?>
        {
            ["Reason"] = "Typed S as 3, meant 6",
            ["Input.SelfOrientation"] = "6",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Relationships/Details/{relationship.Id}#a-{original.LineageId}");
        var revisions = await LineageAsync(original.LineageId);
        revisions.Select(r => (r.Revision, r.Factors.SelfOrientation, r.Trust, r.IsCurrent)).ShouldBe([(1, 3, 7.0, false), (2, 6, 3.5, true)]);
        revisions[1].CorrectionReason.ShouldBe("Typed S as 3, meant 6");
        revisions[1].Note.ShouldBe("Original note");

        var details = await client.GetPageAsync(response.Location());
        var row = details.QuerySelectorAll(".history tbody tr").Single();
        row.QuerySelector("[data-label=T]")!.TextContent.Trim().ShouldBe("3.5");
        row.QuerySelector(".corrected")!.TextContent.ShouldContain("Corrected");
        row.QuerySelector(".corrected")!.TextContent.ShouldContain("Typed S as 3, meant 6");

        var trail = await client.GetPageAsync(row.QuerySelector(".corrected a")!.GetAttribute("href")!);
        var trailRows = trail.QuerySelectorAll("tbody tr");
        trailRows.Length.ShouldBe(2);
        trailRows[0].TextContent.ShouldContain("(current)");
        trailRows[1].QuerySelector("[data-label=T]")!.TextContent.Trim().ShouldBe("7.0");
        trailRows[1].QuerySelector("[data-label=Reason]")!.TextContent.ShouldBe("Original scoring");
    }

    [Theory]
    [InlineData("Reason", "", "Reason", "Say why you are correcting this assessment.")]
    [InlineData("Reason", null, "Reason", "Say why you are correcting this assessment.")]
    [InlineData("Reason", "x\u0002y", "Reason", "characters that cannot be stored")]
    [InlineData("Input.Credibility", "0", "Credibility", "Credibility must be a whole number from 1 to 10.")]
    [InlineData("Input.SelfOrientation", "0", "SelfOrientation", "Self-orientation cannot be 0")]
    [InlineData("Input.MeetingDate", "2030-01-01", "MeetingDate", "The meeting date cannot be in the future.")]
    public async Task Bad_input_gets_a_message_and_changes_nothing(string field, string? value, string errorFor, string message)
    {
        var (_, original) = await ScoredAsync();
        var changes = new Dictionary<string, string?> { ["Reason"] = "A valid reason", [field] = value };

        var response = await (await app.CreateClientAsync()).SubmitAsync($"/Assessments/Correct/{original.Id}", changes);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError(errorFor).ShouldNotBeNull().ShouldContain(message);
        var revisions = await LineageAsync(original.LineageId);
        revisions.Count.ShouldBe(1);
        revisions[0].IsCurrent.ShouldBeTrue();
    }

    [Fact]
    public async Task An_overlong_reason_is_refused()
    {
        var (_, original) = await ScoredAsync();

        var response = await (await app.CreateClientAsync()).SubmitAsync($"/Assessments/Correct/{original.Id}", new Dictionary<string, string?> { ["Reason"] = new string('r', 10_000) });

        (await HtmlForms.ParseAsync(response)).FieldError("Reason").ShouldBe("The reason can be at most 500 characters; this one has 10,000.");
        (await LineageAsync(original.LineageId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_correction_of_a_revision_corrected_meanwhile_is_refused()
    {
        var (_, original) = await ScoredAsync();
        var alice = await app.CreateClientAsync();
        var bob = await app.CreateClientAsync();
        var (action, aliceForm) = await alice.ReadFormAsync($"/Assessments/Correct/{original.Id}");
        (await bob.SubmitAsync($"/Assessments/Correct/{original.Id}", new Dictionary<string, string?> { ["Reason"] = "Bob's fix", ["Input.Intimacy"] = "2" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        aliceForm["Reason"] = "Alice's fix";
        aliceForm["Input.Intimacy"] = "9";
        var response = await alice.PostFormAsync(action, aliceForm);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("Someone corrected this assessment while you were editing it");
        var revisions = await LineageAsync(original.LineageId);
        revisions.Select(r => (r.Revision, r.Factors.Intimacy, r.IsCurrent)).ShouldBe([(1, 6, false), (2, 2, true)]);
    }

    [Fact]
    public async Task Two_corrections_of_the_same_revision_at_once_store_one()
    {
        var (_, original) = await ScoredAsync();
        var forms = new List<(string Action, Dictionary<string, string?> Fields, HttpClient Client)>();
        for (var i = 0; i < 4; i++)
        {
            var client = await app.CreateClientAsync();
            var (action, fields) = await client.ReadFormAsync($"/Assessments/Correct/{original.Id}");
            fields["Reason"] = $"Racing correction {i}";
            fields["Input.Reliability"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            forms.Add((action, fields, client));
        }

        var responses = await Task.WhenAll(forms.Select(f => f.Client.PostFormAsync(f.Action, f.Fields)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect || r.StatusCode == HttpStatusCode.OK);
        responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        var revisions = await LineageAsync(original.LineageId);
        revisions.Count.ShouldBe(2);
        revisions.Count(r => r.IsCurrent).ShouldBe(1);
    }

    [Fact]
    public async Task Submitting_the_same_correction_twice_stores_it_once()
    {
        var (_, original) = await ScoredAsync();
        var client = await app.CreateClientAsync();
        var (action, fields) = await client.ReadFormAsync($"/Assessments/Correct/{original.Id}");
        fields["Reason"] = "Double click";

        var first = await client.PostFormAsync(action, fields);
        var second = await client.PostFormAsync(action, fields);

        (first.StatusCode, second.StatusCode).ShouldBe((HttpStatusCode.Redirect, HttpStatusCode.Redirect));
        (await LineageAsync(original.LineageId)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Opening_an_old_revision_leads_to_the_current_one()
    {
        var (_, original) = await ScoredAsync();
        var client = await app.CreateClientAsync();
        await client.SubmitAsync($"/Assessments/Correct/{original.Id}", new Dictionary<string, string?> { ["Reason"] = "First fix" });
        var current = (await LineageAsync(original.LineageId)).Single(r => r.IsCurrent);

        var response = await client.GetAsync(new Uri($"/Assessments/Correct/{original.Id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Assessments/Correct/{current.Id}");
    }

    [Theory]
    [InlineData("/Assessments/Correct/00000000-0000-0000-0000-000000000007")]
    [InlineData("/Assessments/Correct/seven")]
    [InlineData("/Assessments/Revisions/00000000-0000-0000-0000-000000000007")]
    public async Task Unknown_or_malformed_assessments_are_not_found(string url)
    {
        (await (await app.CreateClientAsync()).GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
