using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Organisations;

/// <summary>
/// "Ask everyone" on an organisation's page: each of its people with an email address who may be asked gets their own
/// link at once, through the outbox to a real SMTP server, exactly once; the others are named with the reason.
/// </summary>
public partial class AskEveryoneTests(MailApp app) : IClassFixture<MailApp>
{
    private const string Form = "form[action*=AskEveryone]";

    [GeneratedRegex(@"https?://\S+/pulse/(?!stop/)\S+")]
    private static partial Regex PulseLink();

    /// <summary>At one client: the administrator's contact and a colleague's (both with addresses), one without, one who opted out.</summary>
    private async Task<(Guid Organisation, string Yours, string Colleagues, Relationship NoAddress, Relationship OptedOut)> ClientAsync()
    {
        var name = $"Everyone {Guid.NewGuid():N}"[..20];
        var colleague = await app.CreatePersonAsync($"colleague.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var yours = await app.AddRelationshipAsync(name);
        var colleagues = await app.AddRelationshipAsync(name, owner: colleague);
        var noAddress = await app.AddRelationshipAsync(name);
        var optedOut = await app.AddRelationshipAsync(name);
        var (a, b, c) = ($"a.{Guid.NewGuid():N}@client.test", $"b.{Guid.NewGuid():N}@client.test", $"c.{Guid.NewGuid():N}@client.test");
        await app.QueryAsync(async db =>
        {
            await db.Contacts.Where(x => x.Id == yours.ContactId).ExecuteUpdateAsync(x => x.SetProperty(p => p.Email, a).SetProperty(p => p.Name, "Ada"));
            await db.Contacts.Where(x => x.Id == colleagues.ContactId).ExecuteUpdateAsync(x => x.SetProperty(p => p.Email, b).SetProperty(p => p.Name, "Bo"));
            await db.Contacts.Where(x => x.Id == noAddress.ContactId).ExecuteUpdateAsync(x => x.SetProperty(p => p.Name, "Cy"));
            return await db.Contacts.Where(x => x.Id == optedOut.ContactId)
                .ExecuteUpdateAsync(x => x.SetProperty(p => p.Email, c).SetProperty(p => p.Name, "Di").SetProperty(p => p.OptedOutAt, DateTime.UtcNow));
        });
        return (yours.Contact.OrganisationId, a, b, noAddress, optedOut);
    }

    private Task<List<OutboxMessage>> MailToAsync(string address) =>
        app.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == address).OrderBy(m => m.NextAttemptAt).ToListAsync());

    [Fact]
    public async Task Each_person_with_an_address_gets_their_own_link_once_and_the_rest_are_named()
    {
        var (organisation, yours, colleagues, noAddress, optedOut) = await ClientAsync();
        var session = await app.CreateClientAsync();
        var page = await session.GetPageAsync($"/Organisations/Details/{organisation}");
        page.QuerySelector(".ask-everyone")!.TextContent.ShouldContain("Not asked: Cy, no email address.");
        var (action, fields) = await session.ReadFormAsync($"/Organisations/Details/{organisation}", Form);
        fields["PersonalLine"] = "Thank you for the workshop.";

        var sent = await session.PostFormAsync(action, fields);

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var flash = (await session.GetPageAsync(sent.Location())).QuerySelector("[role=status]")!.TextContent;
        flash.ShouldContain("Sent to Ada, Bo, each their own link.");
        flash.ShouldContain("Not asked: Cy (no email address), Di (asked not to be asked again).");
        var again = await session.PostFormAsync(action, fields);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.GetPageAsync(again.Location())).QuerySelector("[role=status]")!.TextContent.ShouldContain("sent already");
        (await MailToAsync(yours)).Select(m => m.Kind).ShouldBe([MailKind.ClientPulse, MailKind.ClientPulseReminder], "sent twice, asked once");
        (await MailToAsync(colleagues)).Select(m => m.Kind).ShouldBe([MailKind.ClientPulse, MailKind.ClientPulseReminder]);
        (await app.QueryAsync(db => db.Pulses.CountAsync(p => p.RelationshipId == noAddress.Id || p.RelationshipId == optedOut.Id))).ShouldBe(0);

        await app.DeliverDueAsync();
        var toYours = (await app.Smtp.WaitForAsync(yours)).ShouldHaveSingleItem();
        var toColleagues = (await app.Smtp.WaitForAsync(colleagues)).ShouldHaveSingleItem();
        PulseLink().Match(toYours.TextBody!).Value.ShouldNotBe(PulseLink().Match(toColleagues.TextBody!).Value, "each their own link");
        toYours.TextBody!.ShouldContain("Thank you for the workshop.");
        toColleagues.TextBody!.ShouldNotContain("Thank you for the workshop.", Case.Sensitive, "the line would read as the colleague's own");
    }

    [Fact]
    public async Task Bad_input_gets_a_message_and_sends_nothing()
    {
        var (organisation, yours, colleagues, _, _) = await ClientAsync();
        var session = await app.CreateClientAsync();
        var (action, fields) = await session.ReadFormAsync($"/Organisations/Details/{organisation}", Form);

        var tooLong = new Dictionary<string, string?>(fields) { ["PersonalLine"] = new string('a', 501) };
        var response = await session.PostFormAsync(action, tooLong);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).GetElementById("PersonalLine-error")!.TextContent.ShouldContain("Keep your line to 500 characters.");

        var noIds = fields.Where(f => !f.Key.StartsWith("PulseIds", StringComparison.Ordinal)).ToDictionary();
        response = await session.PostFormAsync(action, noIds);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("nothing was sent");

        var garbage = fields.ToDictionary(f => f.Key, f => f.Key.StartsWith("PulseIds", StringComparison.Ordinal) ? "not-an-id" : f.Value);
        response = await session.PostFormAsync(action, garbage);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("nothing was sent");

        (await MailToAsync(yours)).ShouldBeEmpty();
        (await MailToAsync(colleagues)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_advisor_asks_only_the_people_of_their_own_relationships()
    {
        var (organisation, _, colleagues, _, _) = await ClientAsync();
        var colleague = await app.QueryAsync(db => db.Relationships.Where(r => r.Contact.Email == colleagues)
            .Select(r => db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.Email).First()).SingleAsync());
        var session = await app.CreateClientAsync(colleague!);
        var (action, fields) = await session.ReadFormAsync($"/Organisations/Details/{organisation}", Form);

        fields.Keys.Count(k => k.StartsWith("PulseIds", StringComparison.Ordinal)).ShouldBe(1, "the only relationship there they may see");
        (await session.PostFormAsync(action, fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await MailToAsync(colleagues)).Count(m => m.Kind == MailKind.ClientPulse).ShouldBe(1);
    }

    [Fact]
    public async Task Everyone_opting_out_between_the_page_and_the_post_gets_a_message_and_nothing_is_sent()
    {
        var (organisation, yours, colleagues, _, _) = await ClientAsync();
        var session = await app.CreateClientAsync();
        var (action, fields) = await session.ReadFormAsync($"/Organisations/Details/{organisation}", Form);
        await app.QueryAsync(db => db.Contacts.Where(c => c.Email == yours || c.Email == colleagues)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.OptedOutAt, DateTime.UtcNow)));

        var response = await session.PostFormAsync(action, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("nothing was sent");
        (await MailToAsync(yours)).ShouldBeEmpty();
        (await MailToAsync(colleagues)).ShouldBeEmpty();
    }
}
