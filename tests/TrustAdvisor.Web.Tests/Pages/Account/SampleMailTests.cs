using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Account;

/// <summary>A sample of each email, sent to oneself from Your settings: on the embedded default, an .eml file to open.</summary>
public class SampleMailTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Samples = "#samples form";

    private async Task<HttpClient> DemoPersonAsync(UserRole role)
    {
        var (email, password, _, _) = AccountSeeder.DemoAccounts.First(a => a.Role == role);
        var client = app.CreateAnonymousClient();
        (await client.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<(HttpResponseMessage Response, string Flash)> AskAsync(HttpClient client, string? kind)
    {
        var response = await client.SubmitAsync("/Account/Settings", new Dictionary<string, string?> { ["kind"] = kind }, Samples);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldEndWith("#samples");
        var page = await client.GetPageAsync("/Account/Settings");
        return (response, page.QuerySelector("p.flash")?.TextContent ?? "");
    }

    private Task<List<OutboxMessage>> SamplesAsync() =>
        app.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Key.StartsWith("sample:")).ToListAsync());

    private async Task<MimeMessage> WrittenAsync(Guid id)
    {
        string? Find() => Directory.Exists(app.Factory.MailFolder) ? Directory.GetFiles(app.Factory.MailFolder, $"*-{id:N}.eml").SingleOrDefault() : null;
        for (var i = 0; i < 200 && Find() is null; i++)
        {
            await Task.Delay(50);
        }

        return await MimeMessage.LoadAsync(Find() ?? throw new TimeoutException($"No .eml file for message {id:N}."));
    }

    [Fact]
    public async Task The_demo_manager_gets_a_full_sample_digest_and_a_sample_alert_once_a_minute_as_eml_files()
    {
        var manager = await DemoPersonAsync(UserRole.Manager);
        var page = await manager.GetPageAsync("/Account/Settings");
        page.QuerySelectorAll($"{Samples} button").Select(b => b.TextContent).ShouldBe(
            ["Send me a sample reminder", "Send me a sample weekly digest", "Send me a sample drop alert"]);

        var (_, flash) = await AskAsync(manager, "WeeklyDigest");
        var email = AccountSeeder.DemoAccounts.First(a => a.Role == UserRole.Manager).Email;
        flash.ShouldBe($"A sample weekly digest is on its way to {email}.");
        var digest = (await SamplesAsync()).ShouldHaveSingleItem();
        digest.Kind.ShouldBe(MailKind.WeeklyDigest);
        var written = await WrittenAsync(digest.Id);
        written.Subject.ShouldStartWith("Sample: ");
        written.Subject.ShouldContain("the week of");
        var text = written.TextBody ?? "";
        text.ShouldContain("Median T ");
        text.ShouldNotContain("No relationship has a score yet.");
        text.ShouldNotContain("No relationship's T fell this week.");
        text.ShouldNotContain("No single meeting moved T this week.");
        written.HtmlBody.ShouldNotBeNullOrEmpty();

        (_, flash) = await AskAsync(manager, "WeeklyDigest");
        flash.ShouldBe("A sample weekly digest was sent to you a moment ago: it is on its way.");
        (await SamplesAsync()).Count.ShouldBe(1, "one sample of a kind a minute");

        (_, flash) = await AskAsync(manager, "DropAlert");
        flash.ShouldStartWith("A sample drop alert is on its way");
        var alert = (await SamplesAsync()).Single(m => m.Kind == MailKind.DropAlert);
        var alertMail = await WrittenAsync(alert.Id);
        alertMail.Subject.ShouldStartWith("Sample: ");
        alertMail.Subject.ShouldContain("sharp drop", Case.Insensitive);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("PasswordReset")]
    [InlineData("1")]
    [InlineData("WeeklyDigest")] // not an advisor's email
    [InlineData("DropAlert")]
    public async Task An_email_that_is_not_on_the_list_is_refused_plainly_and_nothing_is_sent(string? kind)
    {
        var advisor = await DemoPersonAsync(UserRole.Advisor);
        var before = await app.QueryAsync(db => db.OutboxMessages.CountAsync());
        var (_, flash) = await AskAsync(advisor, kind);
        flash.ShouldBe("Choose one of the emails listed below to get a sample of it.");
        (await app.QueryAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(before);
    }
}
