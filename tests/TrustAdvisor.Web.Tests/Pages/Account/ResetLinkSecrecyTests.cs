using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Account;

/// <summary>A reset link is for its owner only; asking and using are audited; the person hears of every password change.</summary>
public class ResetLinkSecrecyTests(MailApp app) : IClassFixture<MailApp>
{
    [Fact]
    public async Task What_the_outbox_keeps_and_sent_mail_shows_holds_no_usable_link()
    {
        var person = await app.CreatePersonAsync($"sealed.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);

        await ForgotPasswordTests.AskAsync(app.CreateAnonymousClientFrom("203.0.113.50"), person.Email!);

        var delivered = (await app.Smtp.WaitForAsync(person.Email!)).ShouldHaveSingleItem();
        var link = ForgotPasswordTests.LinkIn(delivered);
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"].ShouldNotBeNull();
        var stored = await app.AttemptedAsync(person.Email!);
        stored.Status.ShouldBe(OutboxStatus.Sent);
        stored.SealedSecret.ShouldBeNull("erased once delivered");
        stored.TextBody.ShouldNotContain(token);
        stored.HtmlBody.ShouldNotContain(token);
        stored.TextBody.ShouldContain(OutboxMessage.SecretPlaceholder);
        var sentMail = (await (await app.CreateClientAsync()).GetPageAsync("/Admin/Mail")).Body!.TextContent;
        sentMail.ShouldContain(OutboxMessage.HiddenSecret);
        sentMail.ShouldNotContain(token);

        var asked = await app.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.SubjectId == person.Id && e.Kind == AuditKind.PasswordResetAsked));
        asked.Address.ShouldBe("203.0.113.50");
        (await ForgotPasswordTests.ResetAsync(app.CreateAnonymousClientFrom("198.51.100.50"), link, "a brand new passphrase")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var used = await app.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.SubjectId == person.Id && e.Kind == AuditKind.PasswordReset));
        used.Address.ShouldBe("198.51.100.50");
    }

    [Fact]
    public async Task A_link_waiting_for_a_server_that_is_down_stays_sealed()
    {
        var person = await app.CreatePersonAsync($"waiting.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        await app.Smtp.StopAsync();
        try
        {
            await ForgotPasswordTests.AskAsync(app.CreateAnonymousClient(), person.Email!);
            var waiting = await app.AttemptedAsync(person.Email!);

            waiting.Status.ShouldBe(OutboxStatus.Pending);
            waiting.SealedSecret.ShouldNotBeNullOrEmpty();
            waiting.TextBody.ShouldNotContain("token=");
            waiting.HtmlBody.ShouldNotContain("token=");
        }
        finally
        {
            await app.Smtp.StartAsync();
        }
    }

    [Fact]
    public async Task An_ask_for_an_unknown_address_is_audited_too()
    {
        var unknown = $"nobody.{Guid.NewGuid():N}@firm.test";

        await ForgotPasswordTests.AskAsync(app.CreateAnonymousClientFrom("203.0.113.51"), unknown);

        var asked = await app.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Kind == AuditKind.PasswordResetAsked && e.Detail == unknown));
        (asked.SubjectId, asked.Address).ShouldBe((null, "203.0.113.51"));
    }

    [Fact]
    public async Task The_person_is_told_when_they_change_their_password()
    {
        var person = await app.CreatePersonAsync($"told.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var session = await app.CreateClientAsync(person.Email!);
        (await session.SubmitAsync("/Account/Password", new Dictionary<string, string?>
        {
            ["CurrentPassword"] = AppFixture.Password,
            ["NewPassword"] = "a new passphrase!",
            ["ConfirmPassword"] = "a new passphrase!",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var notices = await app.Smtp.WaitForAsync(person.Email!, count: 1);

        notices.Select(m => m.Subject).ShouldBe(["Your TrustAdvisor password was changed"]);
        notices.Select(m => m.TextBody).ShouldContain(t => (t ?? "").Contains("by you, on Change password", StringComparison.Ordinal));
        notices.ShouldAllBe(m => (m.TextBody ?? "").Contains("/Account/ForgotPassword", StringComparison.Ordinal));
    }
}
