using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Relationships;

public class ScoreTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static Dictionary<string, string?> Scores(int c = 7, int r = 8, int i = 6, int s = 3) => new()
    {
        ["Input.Credibility"] = c.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Reliability"] = r.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Intimacy"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.SelfOrientation"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Scoring_lands_on_the_relationship_page_with_the_new_T()
    {
        var relationship = await app.AddRelationshipAsync();
        var client = await app.CreateClientAsync();

        var changes = Scores();
        changes["Input.Kind"] = "Video";
        changes["Input.Note"] = "Agreed the audit scope.";
        var response = await client.SubmitAsync($"/Relationships/Score/{relationship.Id}", changes);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldStartWith($"/Relationships/Details/{relationship.Id}#a-");
        var page = await client.GetPageAsync(response.Location());
        page.QuerySelector("[data-testid=latest-trust]")!.TextContent.ShouldBe("7.0");
        page.QuerySelector(".flash")!.TextContent.ShouldContain("Saved. T is 7.0");
        var stored = await app.QueryAsync(db => db.Assessments.SingleAsync(a => a.RelationshipId == relationship.Id));
        (stored.Factors.Credibility, stored.Factors.Reliability, stored.Factors.Intimacy, stored.Factors.SelfOrientation, stored.Trust).ShouldBe((7, 8, 6, 3, 7.0));
        stored.MeetingDate.ShouldBe(app.Today);
        stored.MeetingKind.ShouldBe(Domain.Assessments.MeetingKind.Video);
        stored.Note.ShouldBe("Agreed the audit scope.");
    }

    [Fact]
    public async Task Each_factor_is_a_group_of_ten_buttons_named_after_it_and_the_date_defaults_to_today()
    {
        var relationship = await app.AddRelationshipAsync();
        var page = await (await app.CreateClientAsync()).GetPageAsync($"/Relationships/Score/{relationship.Id}");

        foreach (var (label, field) in new[] { ("Credibility", "Credibility"), ("Reliability", "Reliability"), ("Intimacy", "Intimacy"), ("Self-orientation", "SelfOrientation") })
        {
            var group = page.GetElementById($"Input_{field}")!;
            (group.TagName, group.GetAttribute("role")).ShouldBe(("FIELDSET", "radiogroup"));
            group.QuerySelector("legend")!.TextContent.Trim().ShouldBe(label);
            group.QuerySelectorAll($"input[type=radio][name='Input.{field}']").Select(i => i.GetAttribute("value"))
                .ShouldBe(Enumerable.Range(1, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            group.QuerySelectorAll("input:checked").Length.ShouldBe(0); // a new assessment starts unscored
            page.GetElementById($"{field}-anchors")!.TextContent.ShouldContain("10");
        }

        page.GetElementById("Input_MeetingDate")!.GetAttribute("value").ShouldBe(app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        page.QuerySelector("input[name='Input.Kind'][checked]")!.GetAttribute("value").ShouldBe("InPerson");
    }

    [Fact]
    public async Task The_kind_of_meeting_defaults_to_the_last_one()
    {
        var relationship = await app.AddRelationshipAsync();
        var client = await app.CreateClientAsync();
        var changes = Scores();
        changes["Input.Kind"] = "Call";
        (await client.SubmitAsync($"/Relationships/Score/{relationship.Id}", changes)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await client.GetPageAsync($"/Relationships/Score/{relationship.Id}");

        page.QuerySelector("input[name='Input.Kind'][checked]")!.GetAttribute("value").ShouldBe("Call");
    }

    public static TheoryData<string, string?, string, string> BadInputs() => new()
    {
        { "Input.Credibility", "abc", "Credibility", "'abc' is not a valid value" },
        { "Input.Credibility", "", "Credibility", "Score Credibility from 1 to 10." },
        { "Input.Credibility", null, "Credibility", "Score Credibility from 1 to 10." },
        { "Input.Credibility", "0", "Credibility", "Credibility must be a whole number from 1 to 10." },
        { "Input.Credibility", "99999999999", "Credibility", "is not a valid value" },
        { "Input.Reliability", "11", "Reliability", "Reliability must be a whole number from 1 to 10." },
        { "Input.Intimacy", "7.5", "Intimacy", "'7.5' is not a valid value" },
        { "Input.Intimacy", "-3", "Intimacy", "Intimacy must be a whole number from 1 to 10." },
        { "Input.SelfOrientation", "0", "SelfOrientation", "Self-orientation cannot be 0: T would be undefined." },
        { "Input.SelfOrientation", "", "SelfOrientation", "Score Self-orientation from 1 to 10." },
        { "Input.SelfOrientation", "ten", "SelfOrientation", "'ten' is not a valid value" },
        { "Input.MeetingDate", "2026-11-23", "MeetingDate", "The meeting date cannot be in the future." },
        { "Input.MeetingDate", "1989-12-31", "MeetingDate", "The meeting date cannot be before 1 January 1990." },
        { "Input.MeetingDate", "2026-02-30", "MeetingDate", "'2026-02-30' is not a valid value" },
        { "Input.MeetingDate", "", "MeetingDate", "Enter the date of the meeting." },
        { "Input.Kind", "Telepathy", "Kind", "'Telepathy' is not a valid value" },
        { "Input.Kind", "99", "Kind", "'99' is not a valid value" },
        { "Input.Kind", null, "Kind", "Choose the kind of meeting." },
        { "Input.Note", new string('n', 10_000), "Note", "The note can be at most 2,000 characters; this one has 10,000." },
        { "Input.Note", "before\u0001after", "Note", "The note contains characters that cannot be stored" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_a_message_next_to_the_field_and_stores_nothing(string field, string? value, string errorFor, string message)
    {
        var relationship = await app.AddRelationshipAsync();
        var client = await app.CreateClientAsync();
        var changes = Scores();
        changes[field] = value;

        var response = await client.SubmitAsync($"/Relationships/Score/{relationship.Id}", changes);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        page.FieldError(errorFor).ShouldNotBeNull().ShouldContain(message);
        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("Nothing was saved");
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_NUL_character_is_refused_before_the_form_is_read_and_stores_nothing()
    {
        // ASP.NET Core's form reader refuses NUL outright; the antiforgery check then cannot read its token.
        var relationship = await app.AddRelationshipAsync();
        var changes = Scores();
        changes["Input.Note"] = "before\0after";

        var response = await (await app.CreateClientAsync()).SubmitAsync($"/Relationships/Score/{relationship.Id}", changes);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HtmlForms.ParseAsync(response)).QuerySelector("main")!.TextContent.ShouldContain("characters that cannot be sent");
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_rejected_form_keeps_what_was_typed_and_marks_the_field_invalid()
    {
        var relationship = await app.AddRelationshipAsync();
        var changes = Scores();
        changes["Input.Reliability"] = "12";
        changes["Input.Note"] = "Keep this note";

        var page = await HtmlForms.ParseAsync(await (await app.CreateClientAsync()).SubmitAsync($"/Relationships/Score/{relationship.Id}", changes));

        page.GetElementById("Input_Reliability")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.GetElementById("Input_Reliability")!.GetAttribute("aria-describedby")!.ShouldContain("Reliability-error");
        page.GetElementById("Reliability-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelectorAll("input[name='Input.Reliability']:checked").Length.ShouldBe(0); // 12 is not one of the buttons
        page.GetElementById("Input_Credibility")!.GetAttribute("aria-invalid").ShouldBe("false");
        page.QuerySelector("input[name='Input.Credibility']:checked")!.GetAttribute("value").ShouldBe(changes["Input.Credibility"]);
        page.GetElementById("Input_Note")!.TextContent.ShouldBe("Keep this note");
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_stores_one_assessment()
    {
        var relationship = await app.AddRelationshipAsync();
        var client = await app.CreateClientAsync();
        var (action, fields) = await client.ReadFormAsync($"/Relationships/Score/{relationship.Id}");
        foreach (var (name, value) in Scores())
        {
            fields[name] = value;
        }

        var first = await client.PostFormAsync(action, fields);
        var second = await client.PostFormAsync(action, fields);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Location().ShouldBe(first.Location());
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_at_once_stores_one_assessment()
    {
        var relationship = await app.AddRelationshipAsync();
        var client = await app.CreateClientAsync();
        var (action, fields) = await client.ReadFormAsync($"/Relationships/Score/{relationship.Id}");
        foreach (var (name, value) in Scores())
        {
            fields[name] = value;
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostFormAsync(action, fields)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused_and_stores_nothing()
    {
        var relationship = await app.AddRelationshipAsync();
        var changes = Scores();
        changes[HtmlForms.Token] = null;

        var response = await (await app.CreateClientAsync()).SubmitAsync($"/Relationships/Score/{relationship.Id}", changes);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HtmlForms.ParseAsync(response)).QuerySelector("h1")!.TextContent.ShouldBe("That request could not be understood");
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task An_assessment_id_of_another_relationship_is_refused()
    {
        var other = await app.AddRelationshipAsync("Other Co");
        var existing = await app.AddAssessmentAsync(other.Id, app.Today, new TrustFactors(5, 5, 5, 5));
        var relationship = await app.AddRelationshipAsync();
        var changes = Scores();
        changes["AssessmentId"] = existing.Id.ToString();

        var response = await (await app.CreateClientAsync()).SubmitAsync($"/Relationships/Score/{relationship.Id}", changes);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(0);
        (await app.CountAssessmentsAsync(other.Id)).ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-guid")]
    public async Task A_missing_or_malformed_form_id_gets_a_message(string assessmentId)
    {
        var relationship = await app.AddRelationshipAsync();
        var changes = Scores();
        changes["AssessmentId"] = assessmentId;

        var response = await (await app.CreateClientAsync()).SubmitAsync($"/Relationships/Score/{relationship.Id}", changes);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("This form is incomplete");
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(0);
    }

    [Theory]
    [InlineData("/Relationships/Score/00000000-0000-0000-0000-000000000001")]
    [InlineData("/Relationships/Score/not-a-guid")]
    [InlineData("/Relationships/Score/")]
    public async Task An_unknown_or_malformed_relationship_is_not_found(string url)
    {
        var response = await (await app.CreateClientAsync()).GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await HtmlForms.ParseAsync(response)).QuerySelector("h1")!.TextContent.ShouldBe("Not found");
    }

    [Fact]
    public async Task Posting_to_an_unknown_relationship_stores_nothing()
    {
        var relationship = await app.AddRelationshipAsync();
        var client = await app.CreateClientAsync();
        var (_, fields) = await client.ReadFormAsync($"/Relationships/Score/{relationship.Id}");
        var unknown = Guid.NewGuid();

        var response = await client.PostFormAsync($"/Relationships/Score/{unknown}", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.QueryAsync(db => db.Assessments.CountAsync(a => a.RelationshipId == unknown))).ShouldBe(0);
    }

    [Fact]
    public async Task An_archived_relationship_cannot_be_scored()
    {
        var relationship = await app.AddRelationshipAsync();
        var client = await app.CreateClientAsync();
        var (action, fields) = await client.ReadFormAsync($"/Relationships/Score/{relationship.Id}");
        foreach (var (name, value) in Scores())
        {
            fields[name] = value;
        }

        await app.QueryAsync(async db =>
        {
            var stored = await db.Relationships.SingleAsync(r => r.Id == relationship.Id);
            stored.Archive(app.Clock.Now.UtcDateTime);
            return await db.SaveChangesAsync();
        });
        var response = await client.PostFormAsync(action, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("archived");
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(0);
    }
}
