using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests.Journeys;

/// <summary>
/// The advisor asks the client; the client answers from a browser of their own, without an account; the advisor sees
/// the client's view and the gap. Every new screen is checked with axe-core in light and in dark mode.
/// </summary>
[Collection(BrowserGroup.Name)]
public class ClientPulseJourneyTests(BrowserApp app)
{
    private const string Contact = "Jane Doe";

    /// <summary>A relationship of the demo advisor's, scored 8, 8, 7, 3 (T 7.7) a week ago.</summary>
    private Task<Relationship> ScoredRelationshipAsync(string client) => app.QueryAsync(async db =>
    {
        var advisorEmail = People.Advisor.Email;
        var advisor = await db.Users.SingleAsync(u => u.Email == advisorEmail);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var relationship = await TestClients.AddRelationshipAsync(db, new RelationshipDetails(client, Contact, "CFO", RelationshipStage.Establish, app.Clock.Today.AddDays(30)), advisor.Id, advisor.TeamId!.Value, now);
        db.Assessments.Add(Assessment.Record(
            Guid.CreateVersion7(), relationship.Id, advisor.Id,
            new ScoredMeeting(app.Clock.Today.AddDays(-7), MeetingKind.InPerson, new TrustFactors(8, 8, 7, 3), null), now, app.Clock.Today));
        await db.SaveChangesAsync();
        return relationship;
    });


    private static Task AnswerAsync(Visit visit, string statementStart, int answer)
    {
        var group = visit.Page.GetByRole(AriaRole.Radiogroup, new() { NameRegex = new Regex("^" + Regex.Escape(statementStart)) });
        return visit.TapAsync(group.GetByRole(AriaRole.Radio, new() { Name = answer.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }));
    }

    [Theory]
    [MemberData(nameof(Device.Both), MemberType = typeof(Device))]
    public async Task The_advisor_asks_the_client_answers_without_an_account_and_the_advisor_sees_the_gap(string deviceName)
    {
        var device = Device.Named(deviceName);
        var relationship = await ScoredRelationshipAsync($"Pulse {device} {Guid.NewGuid():N}"[..24]);
        await using var advisor = await app.VisitAsync(device, "pulse-advisor");
        await using var client = await app.VisitAsync(device, "pulse-client");
        var link = "";
        await advisor.RunAsync(async v =>
        {
            await v.SignInAsync(People.Advisor);
            await v.GoToAsync($"/Relationships/Details/{relationship.Id}");
            await v.TapAsync(v.Page.GetByRole(AriaRole.Link, new() { Name = "Ask the client" }).First);
            await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Ask {Contact} how they see it");
            await v.SeeInLightAndDarkAsync("ask");
            await v.TapAsync(v.Page.GetByRole(AriaRole.Button, new() { Name = $"Make a link for {Contact}" }));
            var shown = v.Page.GetByLabel($"Copy it into a message to {Contact}");
            await Expect(shown).ToBeVisibleAsync();
            await Expect(v.Page.GetByRole(AriaRole.Img, new() { Name = $"QR code of the link for {Contact}" })).ToBeVisibleAsync();
            await v.SeeInLightAndDarkAsync("link-shown");
            link = new Uri(await shown.InputValueAsync()).PathAndQuery;
        });

        await client.RunAsync(async v =>
        {
            await v.GoToAsync(link);
            await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How is working with Alex Advisor (demo)?");
            await Expect(v.Page.GetByText("Who reads this:")).ToBeVisibleAsync();
            await v.SeeInLightAndDarkAsync("questions");
            await AnswerAsync(v, "I can believe", 6);
            await AnswerAsync(v, "Alex Advisor (demo) does what", 5);
            await AnswerAsync(v, "I can raise difficult things", 6);
            await AnswerAsync(v, "Alex Advisor (demo) puts my interests first", 7);
            await v.TypeAsync(v.Page.GetByLabel(new Regex("^Anything you would like")), "More notice please.");
            await v.TapAsync(v.Page.GetByRole(AriaRole.Button, new() { Name = "Send" }));
            await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you");
            await v.SeeInLightAndDarkAsync("thanks");
            await v.GoToAsync(link);
            await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link is not open");
            await v.SeeInLightAndDarkAsync("link-used");
        });

        await advisor.RunAsync(async v =>
        {
            await v.GoToAsync($"/Relationships/Details/{relationship.Id}");
            var row = v.Page.Locator("tr.client-view");
            await Expect(row).ToContainTextAsync("Client's view");
            await Expect(row.Locator("td.trust")).ToHaveTextAsync("4.3");
            await Expect(v.Page.GetByText($"You rated reliability 8; {Contact} rated it 5.")).ToBeVisibleAsync();
            await Expect(v.Page.Locator("#client-view .client-comment")).ToHaveTextAsync("More notice please.");
            await Expect(v.Page.GetByText("A blind spot: they feel less trust than you believe.")).ToBeVisibleAsync();
            await v.SeeInLightAndDarkAsync("client-view");
        });

        var stored = await app.QueryAsync(db => db.Pulses.IgnoreQueryFilters().SingleAsync(p => p.RelationshipId == relationship.Id));
        (stored.Status, stored.SelfOrientation, stored.Comment).ShouldBe((PulseStatus.Answered, 4, "More notice please."));
    }

    [Fact]
    public async Task With_scripts_off_the_client_answers_on_a_phone()
    {
        var relationship = await ScoredRelationshipAsync($"No script {Guid.NewGuid():N}"[..24]);
        await using var advisor = await app.VisitAsync(Device.Desktop, "pulse-advisor-no-js", javaScript: false);
        await using var client = await app.VisitAsync(Device.Phone, "pulse-client-no-js", javaScript: false);
        var link = "";
        await advisor.RunAsync(async v =>
        {
            await v.SignInAsync(People.Advisor);
            await v.GoToAsync($"/Relationships/Ask/{relationship.Id}");
            await v.TapAsync(v.Page.GetByRole(AriaRole.Button, new() { Name = $"Make a link for {Contact}" }));
            link = new Uri(await v.Page.GetByLabel($"Copy it into a message to {Contact}").InputValueAsync()).PathAndQuery;
        });

        await client.RunAsync(async v =>
        {
            await v.GoToAsync(link);
            await AnswerAsync(v, "I can believe", 9);
            await v.TapAsync(v.Page.GetByRole(AriaRole.Button, new() { Name = "Send" }));
            await Expect(v.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved");
            await v.SeeAsync("client-rejected");
            await AnswerAsync(v, "Alex Advisor (demo) does what", 9);
            await AnswerAsync(v, "I can raise difficult things", 9);
            await AnswerAsync(v, "Alex Advisor (demo) puts my interests first", 9);
            await v.TapAsync(v.Page.GetByRole(AriaRole.Button, new() { Name = "Send" }));
            await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you");
            await v.SeeAsync("client-sent");
        });

        (await app.QueryAsync(db => db.Pulses.IgnoreQueryFilters().SingleAsync(p => p.RelationshipId == relationship.Id))).Trust.ShouldBe(13.5);
    }
}
