using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Pulses;

/// <summary>The app with the firm's name set, as a firm would configure it.</summary>
public sealed class FirmApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string>? Settings =>
        new Dictionary<string, string> { ["Pulse:FirmName"] = "Harbour Advisory" };
}

public class AnswerTests(FirmApp app) : IClassFixture<FirmApp>
{
    private async Task<(Relationship Relationship, HttpClient Advisor, string Link)> AskedAsync()
    {
        var email = $"alex.{Guid.NewGuid():N}@firm.test";
        var advisor = await app.CreatePersonAsync(email, UserRole.Advisor);
        var relationship = await app.AddRelationshipAsync("Answering Ltd", owner: advisor);
        var client = await app.CreateClientAsync(email);
        return (relationship, client, await client.AskAsync(relationship.Id));
    }

    private Task<Pulse> PulseOfAsync(Guid relationshipId) =>
        app.QueryAsync(db => db.Pulses.AsNoTracking().OrderBy(p => p.AskedAt).LastAsync(p => p.RelationshipId == relationshipId));

    private static async Task ShouldBeNotOpenAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await HtmlForms.ParseAsync(response);
        page.QuerySelector("h1")!.TextContent.ShouldBe("This link is not open");
        page.QuerySelector("form").ShouldBeNull();
        page.Body!.TextContent.ShouldNotContain("Answering Ltd");
        page.Body!.TextContent.ShouldNotContain("Priya Shah");
    }

    [Fact]
    public async Task The_client_answers_without_an_account_and_the_link_then_closes()
    {
        var (relationship, _, link) = await AskedAsync();
        var visitor = app.CreateAnonymousClient();

        var page = await visitor.GetPageAsync(link);
        var advisor = (await PulseOfAsync(relationship.Id)).AdvisorId;
        var name = await app.QueryAsync(db => db.Users.Where(u => u.Id == advisor).Select(u => u.DisplayName).SingleAsync());
        page.QuerySelector("h1")!.TextContent.ShouldBe($"How is working with {name}?");
        page.QuerySelector(".lead")!.TextContent.ShouldContain($"{name} at Harbour Advisory");
        page.QuerySelector(".who-reads")!.TextContent.ShouldBe($"Who reads this: {name} and their manager. Nobody else sees your comment.");
        page.QuerySelectorAll("fieldset.factor legend").Select(l => l.TextContent).ShouldBe(
        [
            $"I can believe what {name} tells me.", $"{name} does what they say they will.",
            $"I can raise difficult things with {name}.", $"{name} puts my interests first.",
        ]);
        page.QuerySelectorAll("fieldset.factor input[type=radio]").Length.ShouldBe(40);
        page.QuerySelector("form.pulse-form button[type=submit]")!.TextContent.ShouldBe("Send");
        string.Join(' ', page.QuerySelector(".pulse-help")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ShouldContain("your answer is turned round: 10 (\"always my interests first\") counts as the lowest self-orientation, 1, and 1 as the highest, 10.");

        var sent = await visitor.SubmitAsync(link, ClientPulses.Answers(7, 5, 6, 8, "Good work on the audit."));

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        sent.Location().ShouldBe("/pulse/thanks");
        (await visitor.GetPageAsync("/pulse/thanks")).QuerySelector("h1")!.TextContent.ShouldBe("Thank you");
        var pulse = await PulseOfAsync(relationship.Id);
        (pulse.Status, pulse.Credibility, pulse.Reliability, pulse.Intimacy, pulse.InterestsFirst, pulse.SelfOrientation, pulse.Trust)
            .ShouldBe((PulseStatus.Answered, 7, 5, 6, 8, 3, 6.0));
        pulse.AnsweredOn.ShouldBe(app.Today);
        pulse.Comment.ShouldBe("Good work on the audit.");
        await ShouldBeNotOpenAsync(await visitor.GetAsync(new Uri(link, UriKind.Relative)));
    }

    [Fact]
    public async Task The_client_pages_keep_the_link_to_themselves_and_out_of_search_engines()
    {
        var (_, _, link) = await AskedAsync();

        var response = await app.CreateAnonymousClient().GetAsync(new Uri(link, UriKind.Relative));

        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        response.Headers.GetValues("X-Robots-Tag").ShouldBe(["noindex, nofollow"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        var page = await HtmlForms.ParseAsync(response);
        page.QuerySelector("nav").ShouldBeNull();
        page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")).ShouldAllBe(href => href!.StartsWith('#'));
    }

    [Fact]
    public async Task The_same_form_sent_twice_or_at_once_is_one_answer()
    {
        var (relationship, _, link) = await AskedAsync();
        var visitor = app.CreateAnonymousClient();
        var (action, fields) = await visitor.ReadFormAsync(link);
        foreach (var (name, value) in ClientPulses.Answers(9, 9, 9, 9))
        {
            fields[name] = value;
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => visitor.PostFormAsync(action, fields)));
        var again = await visitor.PostFormAsync(action, fields);

        responses.Concat([again]).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString == "/pulse/thanks");
        (await app.QueryAsync(db => db.Pulses.CountAsync(p => p.RelationshipId == relationship.Id && p.Status == PulseStatus.Answered))).ShouldBe(1);
    }

    [Fact]
    public async Task A_second_form_after_the_answer_is_refused_and_changes_nothing()
    {
        var (relationship, _, link) = await AskedAsync();
        var first = app.CreateAnonymousClient();
        var second = app.CreateAnonymousClient();
        var (action, stale) = await second.ReadFormAsync(link);
        (await first.SubmitAsync(link, ClientPulses.Answers(7, 7, 7, 7))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        foreach (var (name, value) in ClientPulses.Answers(1, 1, 1, 1))
        {
            stale[name] = value;
        }

        await ShouldBeNotOpenAsync(await second.PostFormAsync(action, stale));

        (await PulseOfAsync(relationship.Id)).Credibility.ShouldBe(7);
    }

    public static TheoryData<string, string?, string> BadAnswers => new()
    {
        { "Input.Credibility", null, "Choose a number from 1 to 10 for \"I can believe what they tell me\"." },
        { "Input.Reliability", "11", "The answer to \"They do what they say they will\" must be a whole number from 1 to 10." },
        { "Input.Intimacy", "0", "The answer to \"I can raise difficult things with them\" must be a whole number from 1 to 10." },
        { "Input.InterestsFirst", "lots", "They put my interests first: 'lots' is not a valid value." },
        { "Input.Comment", new string('x', 10_000), "Your comment can be at most 1,000 characters; this one has 10,000." },
        { "Input.Comment", "Fine\u0007then", "Your comment contains characters that cannot be stored (control characters)." },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task A_bad_answer_is_named_and_nothing_is_stored(string field, string? value, string message)
    {
        var (relationship, _, link) = await AskedAsync();
        var visitor = app.CreateAnonymousClient();
        var answers = ClientPulses.Answers();
        answers[field] = value;

        var response = await visitor.SubmitAsync(link, answers);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        page.QuerySelector(".form-alert")!.TextContent.ShouldContain("Nothing was saved");
        page.FieldError(field.Replace("Input.", "", StringComparison.Ordinal)).ShouldBe(message);
        var pulse = await PulseOfAsync(relationship.Id);
        (pulse.Status, pulse.Credibility).ShouldBe((PulseStatus.Open, null));
    }

    [Fact]
    public async Task Markup_in_the_comment_is_kept_as_text_and_shown_as_text()
    {
        var (relationship, advisor, link) = await AskedAsync();

        await app.CreateAnonymousClient().SubmitAsync(link, ClientPulses.Answers(comment: "<script>alert(1)</script> <b>bold</b>"));

        var page = await advisor.GetPageAsync($"/Relationships/Details/{relationship.Id}");
        page.QuerySelector(".client-comment")!.TextContent.ShouldBe("<script>alert(1)</script> <b>bold</b>");
        page.QuerySelectorAll(".client-comment script, .client-comment b").Length.ShouldBe(0);
    }

    [Fact]
    public async Task Used_expired_withdrawn_replaced_tampered_spliced_and_missing_links_get_the_same_page()
    {
        var visitor = app.CreateAnonymousClient();
        var (usedRelationship, _, used) = await AskedAsync();
        var (_, _, expired) = await AskedAsync();
        var (withdrawnRelationship, withdrawer, withdrawn) = await AskedAsync();
        var (replacedRelationship, replacer, replaced) = await AskedAsync();
        var (_, _, other) = await AskedAsync();
        (await visitor.SubmitAsync(used, ClientPulses.Answers())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var withdrawAt = $"/Relationships/Ask/{withdrawnRelationship.Id}";
        (await withdrawer.SubmitAsync(withdrawAt, new Dictionary<string, string?>(), "form.withdraw")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await replacer.AskAsync(replacedRelationship.Id);
        var token = other["/pulse/".Length..];
        var tampered = "/pulse/" + token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var spliced = "/pulse/" + token.Split('.')[0] + "." + expired.Split('.')[1];

        foreach (var link in new[] { used, withdrawn, replaced, tampered, spliced, "/pulse/", "/pulse/nonsense", "/pulse/a.b" })
        {
            await ShouldBeNotOpenAsync(await visitor.GetAsync(new Uri(link, UriKind.Relative)));
        }

        await ShouldBeNotOpenAsync(await visitor.PostFormAsync(spliced, (await visitor.ReadFormAsync(other)).Fields));
        (await PulseOfAsync(withdrawnRelationship.Id)).Status.ShouldBe(PulseStatus.Withdrawn);
        (await app.QueryAsync(db => db.Pulses.CountAsync(p => p.RelationshipId == replacedRelationship.Id && p.Status == PulseStatus.Replaced))).ShouldBe(1);
        (await PulseOfAsync(usedRelationship.Id)).Status.ShouldBe(PulseStatus.Answered);

        var (_, lateForm) = await visitor.ReadFormAsync(other);
        foreach (var (name, value) in ClientPulses.Answers())
        {
            lateForm[name] = value;
        }

        app.Clock.Now = app.Clock.Now.AddDays(Pulse.DefaultValidDays);
        try
        {
            await ShouldBeNotOpenAsync(await visitor.GetAsync(new Uri(expired, UriKind.Relative)));
            await ShouldBeNotOpenAsync(await visitor.PostFormAsync(other, lateForm));
        }
        finally
        {
            app.Clock.Now = app.Clock.Now.AddDays(-Pulse.DefaultValidDays);
        }

        var otherId = PulseToken.Parse(other["/pulse/".Length..])!.PulseId;
        (await app.QueryAsync(db => db.Pulses.SingleAsync(p => p.Id == otherId))).Status.ShouldBe(PulseStatus.Open);
    }

    [Fact]
    public async Task A_link_of_a_relationship_archived_meanwhile_stores_nothing()
    {
        var (relationship, _, link) = await AskedAsync();
        var visitor = app.CreateAnonymousClient();
        var (action, fields) = await visitor.ReadFormAsync(link);
        await app.QueryAsync(async db =>
        {
            (await db.Relationships.SingleAsync(r => r.Id == relationship.Id)).Archive(app.Clock.Now.UtcDateTime);
            return await db.SaveChangesAsync();
        });
        foreach (var (name, value) in ClientPulses.Answers())
        {
            fields[name] = value;
        }

        await ShouldBeNotOpenAsync(await visitor.PostFormAsync(action, fields));

        (await PulseOfAsync(relationship.Id)).Status.ShouldBe(PulseStatus.Open);
    }

    [Fact]
    public async Task The_form_without_its_id_is_refused()
    {
        var (relationship, _, link) = await AskedAsync();

        var response = await app.CreateAnonymousClient().SubmitAsync(link, new Dictionary<string, string?>(ClientPulses.Answers()) { ["SubmissionId"] = null });

        (await HtmlForms.ParseAsync(response)).QuerySelector(".form-alert")!.TextContent.ShouldContain("This form is incomplete");
        (await PulseOfAsync(relationship.Id)).Status.ShouldBe(PulseStatus.Open);
    }
}
