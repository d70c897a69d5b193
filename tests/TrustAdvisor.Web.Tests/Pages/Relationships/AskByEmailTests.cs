using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Relationships;

/// <summary>
/// "Send it by email": the pulse goes to the contact from the advisor via the firm, through the outbox to a real SMTP
/// server, with one reminder later unless answered, and a "Don't ask me again" the app then respects.
/// </summary>
public partial class AskByEmailTests(MailApp app) : IClassFixture<MailApp>
{
    private async Task<(AppUser Advisor, Relationship Relationship, HttpClient Session, string ContactEmail)> ContactWithEmailAsync()
    {
        var advisor = await app.CreatePersonAsync($"asker.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var relationship = await app.AddRelationshipAsync("Emailed Client Ltd", owner: advisor);
        var contactEmail = $"priya.{Guid.NewGuid():N}@client.test";
        await app.QueryAsync(db => db.Contacts.Where(c => c.Id == relationship.ContactId).ExecuteUpdateAsync(c => c.SetProperty(x => x.Email, contactEmail)));
        return (advisor, relationship, await app.CreateClientAsync(advisor.Email!), contactEmail);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient session, Guid relationshipId, string? line = null) =>
        session.SubmitAsync($"/Relationships/Ask/{relationshipId}", new Dictionary<string, string?> { ["PersonalLine"] = line }, "form[action*=Email]");

    private Task<List<OutboxMessage>> MailToAsync(string address) =>
        app.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == address).OrderBy(m => m.NextAttemptAt).ToListAsync());

    private async Task RunDeliveryAtAsync(DateTimeOffset when)
    {
        app.Clock.Now = when;
        await app.DeliverDueAsync();
    }

    [GeneratedRegex(@"https?://\S+/pulse/(?!stop/)\S+")]
    private static partial Regex PulseLink();

    [GeneratedRegex(@"https?://\S+/pulse/stop/\S+")]
    private static partial Regex StopLink();

    [Fact]
    public async Task The_contact_gets_the_link_from_the_advisor_via_the_firm_and_answers_from_it_and_no_reminder_follows()
    {
        var (advisor, relationship, session, contact) = await ContactWithEmailAsync();

        var sent = await SendAsync(session, relationship.Id, "Thank you for Tuesday: two minutes of your view would help me.");

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var outbox = await MailToAsync(contact);
        outbox.Select(m => m.Kind).ShouldBe([MailKind.ClientPulse, MailKind.ClientPulseReminder]);
        outbox[1].NextAttemptAt.ShouldBe(app.Clock.Now.UtcDateTime.AddDays(7));
        outbox.ShouldAllBe(m => m.TextBody.Contains(OutboxMessage.SecretPlaceholder) && !PulseLink().IsMatch(m.TextBody), "the link is sealed until sent");

        await app.DeliverDueAsync();
        var message = (await app.Smtp.WaitForAsync(contact)).ShouldHaveSingleItem("the reminder waits for its day");
        message.From.Mailboxes.Single().Name.ShouldBe($"{advisor.DisplayName} via TrustAdvisor");
        message.ReplyTo.Mailboxes.Single().Address.ShouldBe(advisor.Email);
        message.Subject.ShouldBe($"{advisor.DisplayName} would like your view");
        var text = message.TextBody ?? "";
        text.ShouldStartWith("Hello Priya Shah,\n\nThank you for Tuesday: two minutes of your view would help me.");
        text.ShouldContain($"Who reads your answers: {advisor.DisplayName} and their manager.");
        message.Headers["List-Unsubscribe"].ShouldBe($"<{StopLink().Match(text).Value}>");
        message.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");

        var link = new Uri(PulseLink().Match(text).Value).PathAndQuery;
        (await app.CreateAnonymousClient().SubmitAsync(link, ClientPulses.Answers(7, 6, 6, 8, null))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await MailToAsync(contact))[1].Status.ShouldBe(OutboxStatus.Cancelled);
        (await MailToAsync(contact))[1].SealedSecret.ShouldBeNull();
        await RunDeliveryAtAsync(app.Clock.Now.AddDays(8));
        app.Smtp.To(contact).Count().ShouldBe(1, "answered: no reminder");
    }

    [Fact]
    public async Task Unanswered_the_contact_is_reminded_once_with_the_same_link()
    {
        var start = app.Clock.Now;
        var (advisor, relationship, session, contact) = await ContactWithEmailAsync();
        await SendAsync(session, relationship.Id);
        await app.DeliverDueAsync();
        var first = (await app.Smtp.WaitForAsync(contact)).Single();

        await RunDeliveryAtAsync(start.AddDays(6));
        app.Smtp.To(contact).Count().ShouldBe(1);
        await RunDeliveryAtAsync(start.AddDays(7).AddMinutes(1));
        await RunDeliveryAtAsync(start.AddDays(8));

        var both = await app.Smtp.WaitForAsync(contact, 2);
        both.Count.ShouldBe(2);
        var reminder = both.Single(m => m.Subject!.StartsWith("A reminder", StringComparison.Ordinal));
        reminder.Subject.ShouldBe($"A reminder: {advisor.DisplayName} would like your view");
        PulseLink().Match(reminder.TextBody!).Value.ShouldBe(PulseLink().Match(first.TextBody!).Value);
        app.Clock.Now = start;
    }

    [Fact]
    public async Task Dont_ask_me_again_by_one_click_cancels_the_reminder_and_nobody_can_ask_again_until_the_contact_changes()
    {
        var (_, relationship, session, contact) = await ContactWithEmailAsync();
        await SendAsync(session, relationship.Id);
        await app.DeliverDueAsync();
        var stop = new Uri(StopLink().Match((await app.Smtp.WaitForAsync(contact)).Single().TextBody!).Value).PathAndQuery;
        var (askAgain, askAgainFields) = await session.ReadFormAsync($"/Relationships/Ask/{relationship.Id}", "form[action*=Email]");
        var visitor = app.CreateAnonymousClient();

        (await visitor.GetPageAsync(stop)).QuerySelector("h1")!.TextContent.ShouldBe("Stop being asked for your view?");
        (await app.QueryAsync(db => db.Relationships.Where(r => r.Id == relationship.Id).Select(r => r.Contact.OptedOutAt).SingleAsync())).ShouldBeNull("opening the link changes nothing");
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        (await visitor.PostAsync(new Uri(stop, UriKind.Relative), oneClick)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await app.QueryAsync(db => db.Relationships.Where(r => r.Id == relationship.Id).Select(r => r.Contact.OptedOutAt).SingleAsync())).ShouldNotBeNull();
        (await MailToAsync(contact)).Single(m => m.Kind == MailKind.ClientPulseReminder).Status.ShouldBe(OutboxStatus.Cancelled);
        var details = await session.GetPageAsync($"/Relationships/Details/{relationship.Id}");
        details.QuerySelectorAll("#client-view .pulse-status").Select(p => p.TextContent).ShouldContain(t => t.Contains("not to be asked for their view again"));
        details.QuerySelector("#client-view a[href*='/Relationships/Ask/']").ShouldBeNull();
        var askPage = await session.GetPageAsync($"/Relationships/Ask/{relationship.Id}");
        askPage.QuerySelector("main .lead[role=status]")!.TextContent.ShouldContain("asked on");
        askPage.QuerySelectorAll("main form.form").Length.ShouldBe(0, "neither a link nor an email; withdrawing the open link stays possible");
        var refused = await session.PostFormAsync(askAgain, askAgainFields);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(refused)).QuerySelector(".form-alert")!.TextContent.ShouldContain("asked not to be asked again");
        (await app.QueryAsync(db => db.Pulses.CountAsync(p => p.RelationshipId == relationship.Id))).ShouldBe(1);
        (await app.CreateAnonymousClient().GetAsync(new Uri("/pulse/stop/made-up-token", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Archiving_the_relationship_cancels_the_reminder_whose_link_would_no_longer_work()
    {
        var (_, relationship, session, contact) = await ContactWithEmailAsync();
        await SendAsync(session, relationship.Id);

        (await session.SubmitAsync($"/Relationships/Archive/{relationship.Id}", new Dictionary<string, string?>(), "main form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await MailToAsync(contact)).Single(m => m.Kind == MailKind.ClientPulseReminder).Status.ShouldBe(OutboxStatus.Cancelled);
    }

    [Fact]
    public async Task Bad_input_gets_a_message_and_sends_nothing()
    {
        var (advisor, relationship, session, contact) = await ContactWithEmailAsync();

        var tooLong = await SendAsync(session, relationship.Id, new string('a', 501));
        (await HtmlForms.ParseAsync(tooLong)).FieldError("PersonalLine").ShouldBe("Keep your line to 500 characters.");

        var noEmail = await app.AddRelationshipAsync("No Email Ltd", owner: advisor);
        (await session.GetPageAsync($"/Relationships/Ask/{noEmail.Id}")).QuerySelector("form[action*=Email]").ShouldBeNull();
        var (action, fields) = await session.ReadFormAsync($"/Relationships/Ask/{noEmail.Id}");
        var forged = await session.PostFormAsync(action + "?handler=Email", fields);
        (await HtmlForms.ParseAsync(forged)).QuerySelector(".form-alert")!.TextContent.ShouldContain("There is no email address for Priya Shah");

        (await MailToAsync(contact)).ShouldBeEmpty();
        (await app.QueryAsync(db => db.Pulses.CountAsync(p => p.RelationshipId == relationship.Id || p.RelationshipId == noEmail.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_form_sent_twice_sends_one_email()
    {
        var (_, relationship, session, contact) = await ContactWithEmailAsync();
        var (action, fields) = await session.ReadFormAsync($"/Relationships/Ask/{relationship.Id}", "form[action*=Email]");

        (await session.PostFormAsync(action, fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await session.PostFormAsync(action, fields);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.GetPageAsync(again.Location())).QuerySelector(".flash")!.TextContent.ShouldBe("That email was sent already: once is enough.");

        (await MailToAsync(contact)).Count(m => m.Kind == MailKind.ClientPulse).ShouldBe(1);
        (await app.QueryAsync(db => db.Pulses.CountAsync(p => p.RelationshipId == relationship.Id))).ShouldBe(1);
    }
}
