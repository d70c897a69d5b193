using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Relationships;

public class AskTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private Task<List<Pulse>> PulsesAsync(Guid relationshipId) =>
        app.QueryAsync(db => db.Pulses.AsNoTracking().Where(p => p.RelationshipId == relationshipId).OrderBy(p => p.AskedAt).ToListAsync());

    [Fact]
    public async Task Asking_shows_the_link_once_as_text_and_as_a_QR_code_and_keeps_only_its_hash()
    {
        var relationship = await app.AddRelationshipAsync("Asked Ltd");
        var advisor = await app.CreateClientAsync();

        var response = await advisor.SubmitAsync($"/Relationships/Ask/{relationship.Id}", new Dictionary<string, string?>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await advisor.GetPageAsync(response.Location());
        var link = page.QuerySelector<IHtmlInputElement>("#pulse-link")!.Value;
        link.ShouldStartWith("https://localhost/pulse/");
        page.QuerySelector("svg.qr")!.GetAttribute("aria-label").ShouldBe("QR code of the link for Priya Shah");
        var pulse = (await PulsesAsync(relationship.Id)).ShouldHaveSingleItem();
        (pulse.Status, pulse.AdvisorId, pulse.ContactName).ShouldBe((PulseStatus.Open, app.Admin.Id, "Priya Shah"));
        pulse.ExpiresAt.ShouldBe(pulse.AskedAt.AddDays(21));
        var secret = link.Split('.')[^1];
        pulse.TokenHash.ShouldBe(System.Security.Cryptography.SHA256.HashData(System.Buffers.Text.Base64Url.DecodeFromChars(secret)));

        var again = await advisor.GetPageAsync(response.Location());
        again.QuerySelector("#pulse-link").ShouldBeNull();
        again.QuerySelector(".pulse-open")!.TextContent.ShouldContain("A link is open");
    }

    [Fact]
    public async Task Asking_again_replaces_the_open_link_and_the_same_form_twice_makes_one()
    {
        var relationship = await app.AddRelationshipAsync("Asked Twice Ltd");
        var advisor = await app.CreateClientAsync();
        var first = await advisor.AskAsync(relationship.Id);
        var (action, form) = await advisor.ReadFormAsync($"/Relationships/Ask/{relationship.Id}");

        var responses = new[] { await advisor.PostFormAsync(action, form), await advisor.PostFormAsync(action, form) };

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        var pulses = await PulsesAsync(relationship.Id);
        pulses.Select(p => p.Status).ShouldBe([PulseStatus.Replaced, PulseStatus.Open]);
        (await app.CreateAnonymousClient().GetAsync(new Uri(first, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await advisor.GetPageAsync(responses[1].Location())).QuerySelector(".flash")!.TextContent
            .ShouldBe("That link was made already. It is shown only once; if you did not copy it, make a new one.");
    }

    [Fact]
    public async Task Withdrawing_closes_the_link_and_an_answered_pulse_stays_answered()
    {
        var relationship = await app.AddRelationshipAsync("Withdrawn Ltd");
        var advisor = await app.CreateClientAsync();
        var link = await advisor.AskAsync(relationship.Id);
        var (action, form) = await advisor.ReadFormAsync($"/Relationships/Ask/{relationship.Id}", "form.withdraw");
        await app.CreateAnonymousClient().SubmitAsync(link, ClientPulses.Answers());

        var response = await advisor.PostFormAsync(action, form);

        (await advisor.GetPageAsync(response.Location())).QuerySelector(".flash")!.TextContent.ShouldBe("The client had already answered; the answer is kept.");
        (await PulsesAsync(relationship.Id)).Single().Status.ShouldBe(PulseStatus.Answered);
    }

    [Fact]
    public async Task An_archived_relationship_cannot_be_asked_and_nothing_is_stored()
    {
        var relationship = await app.AddRelationshipAsync("Archived Ltd");
        var advisor = await app.CreateClientAsync();
        var (action, form) = await advisor.ReadFormAsync($"/Relationships/Ask/{relationship.Id}");
        await app.QueryAsync(async db =>
        {
            (await db.Relationships.SingleAsync(r => r.Id == relationship.Id)).Archive(app.Clock.Now.UtcDateTime);
            return await db.SaveChangesAsync();
        });

        var response = await advisor.PostFormAsync(action, form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector(".form-alert")!.TextContent
            .ShouldContain("This relationship is archived, so no link was made.");
        (await PulsesAsync(relationship.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_form_without_its_id_makes_no_link()
    {
        var relationship = await app.AddRelationshipAsync("Incomplete Ltd");
        var advisor = await app.CreateClientAsync();

        var response = await advisor.SubmitAsync($"/Relationships/Ask/{relationship.Id}", new Dictionary<string, string?> { ["PulseId"] = null });

        (await HtmlForms.ParseAsync(response)).QuerySelector(".form-alert")!.TextContent.ShouldContain("This form is incomplete");
        (await PulsesAsync(relationship.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_teammate_can_neither_ask_nor_withdraw_and_nothing_changes()
    {
        var team = await app.CreateTeamAsync("Ask team");
        var owner = await app.CreatePersonAsync($"owner.{Guid.NewGuid():N}@ask.test", UserRole.Advisor, team.Id);
        var teammateEmail = $"mate.{Guid.NewGuid():N}@ask.test";
        await app.CreatePersonAsync(teammateEmail, UserRole.Advisor, team.Id);
        var relationship = await app.AddRelationshipAsync("Not Yours Ltd", owner: owner);
        var teammate = await app.CreateClientAsync(teammateEmail);
        var (_, token) = await teammate.ReadFormAsync("/Account/SignIn");
        token["PulseId"] = Guid.NewGuid().ToString();

        (await teammate.GetAsync(new Uri($"/Relationships/Ask/{relationship.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await teammate.PostFormAsync($"/Relationships/Ask/{relationship.Id}", token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await PulsesAsync(relationship.Id)).ShouldBeEmpty();
    }
}
