using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Pages.Account;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Account;

public class ForgotPasswordTests(MailApp app) : IClassFixture<MailApp>
{
    private const string Answer = "If an account has that address, we have sent it a link to choose a new password.";

    private async Task<AppUser> PersonAsync(string name, bool active = true)
    {
        var person = await app.CreatePersonAsync($"{name}.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, app.Team.Id, active);
        return person;
    }

    internal static async Task<string> AskAsync(HttpClient visitor, string email)
    {
        var response = await visitor.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string?> { ["Email"] = email });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await HtmlForms.ParseAsync(response)).QuerySelector("[role=status]")?.TextContent ?? "";
    }

    internal static Uri LinkIn(MimeMessage message) =>
        new(Regex.Match(message.TextBody ?? "", @"https://\S+/Account/ResetPassword\?\S+").Value);

    internal static async Task<HttpResponseMessage> ResetAsync(HttpClient visitor, Uri link, string password, string? confirm = null) =>
        await visitor.SubmitAsync(link.PathAndQuery, new Dictionary<string, string?> { ["NewPassword"] = password, ["ConfirmPassword"] = confirm ?? password });

    /// <summary>Posts a reset form opened earlier (a tab left open), with its fields changed as given.</summary>
    internal static async Task<HttpResponseMessage> PostOpenedAsync(
        HttpClient visitor, (string Action, Dictionary<string, string?> Fields) opened, string password, IReadOnlyDictionary<string, string?>? changes = null)
    {
        var fields = new Dictionary<string, string?>(opened.Fields) { ["NewPassword"] = password, ["ConfirmPassword"] = password };
        foreach (var (name, value) in changes ?? new Dictionary<string, string?>())
        {
            fields[name] = value;
        }

        return await visitor.PostFormAsync(opened.Action, fields);
    }

    /// <summary>The page's refusal of a link that cannot work: the message, a way to ask for a new one, no form.</summary>
    internal static void ShouldRefuseTheLink(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        page.QuerySelector("[role=alert]")!.TextContent.ShouldBe(ResetPasswordModel.LinkRefused);
        page.QuerySelector("input[name=NewPassword]").ShouldBeNull("no form to fill in for a link that cannot work");
        page.QuerySelector("a[href='/Account/ForgotPassword']")!.TextContent.ShouldBe("Ask for a new link");
    }

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_once()
    {
        var person = await PersonAsync("forgetful");
        var visitor = app.CreateAnonymousClient();

        (await AskAsync(visitor, person.Email!.ToUpperInvariant())).ShouldStartWith(Answer);

        var message = (await app.Smtp.WaitForAsync(person.Email)).ShouldHaveSingleItem();
        message.Subject.ShouldBe("Choose a new TrustAdvisor password");
        message.From.Mailboxes.Single().Address.ShouldBe("trust@firm.test");
        message.Headers["List-Unsubscribe"].ShouldBeNull("a reset link is asked for, not subscribed to");
        (message.HtmlBody ?? "").ShouldContain("Choose a new password");
        (message.TextBody ?? "").ShouldContain($"Hello {person.DisplayName},");
        (message.TextBody ?? "").ShouldContain("The link works once, for 2 hours.");
        var link = LinkIn(message);
        link.GetLeftPart(UriPartial.Authority).ShouldBe(MailApp.PublicUrl.TrimEnd('/'));
        (message.HtmlBody ?? "").ShouldContain(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(link.AbsoluteUri));

        (await visitor.GetPageAsync(link.PathAndQuery)).QuerySelector("h1")!.TextContent.ShouldBe("Choose a new password");
        var otherBrowser = app.CreateAnonymousClient();
        var otherTab = await otherBrowser.ReadFormAsync(link.PathAndQuery);
        var done = await ResetAsync(visitor, link, "a brand new passphrase");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.OriginalString.ShouldStartWith("/Account/SignIn");
        (await app.CreateAnonymousClient().SubmitAsync("/Account/SignIn", new Dictionary<string, string?>
        {
            ["Email"] = person.Email,
            ["Password"] = "a brand new passphrase",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var hash = (await app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id))).PasswordHash;
        ShouldRefuseTheLink(await app.CreateAnonymousClient().GetPageAsync(link.PathAndQuery));
        var again = await PostOpenedAsync(otherBrowser, otherTab, "yet another passphrase");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldRefuseTheLink(await HtmlForms.ParseAsync(again));
        (await app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id))).PasswordHash.ShouldBe(hash);
        (await app.CreateAnonymousClient().SubmitAsync("/Account/SignIn", new Dictionary<string, string?>
        {
            ["Email"] = person.Email,
            ["Password"] = "yet another passphrase",
        })).StatusCode.ShouldBe(HttpStatusCode.OK, "the used link changed nothing");
    }

    [Fact]
    public async Task An_unknown_or_deactivated_address_gets_the_same_answer_and_no_mail()
    {
        var gone = await PersonAsync("gone", active: false);
        var unknown = $"nobody.{Guid.NewGuid():N}@firm.test";
        var visitor = app.CreateAnonymousClient();

        (await AskAsync(visitor, unknown)).ShouldStartWith(Answer);
        (await AskAsync(visitor, gone.Email!)).ShouldStartWith(Answer);

        (await app.OutboxToAsync(unknown)).ShouldBeEmpty();
        (await app.OutboxToAsync(gone.Email!)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", "Enter the email address you sign in with.")]
    [InlineData("not an address", "Enter a valid email address, like name@firm.com.")]
    [InlineData("x", "Enter a valid email address, like name@firm.com.")]
    [InlineData("<script>@x.test", "Enter a valid email address, like name@firm.com.")]
    [InlineData("Pat <pat@firm.test>", "Enter a valid email address, like name@firm.com.")]
    public async Task A_bad_address_is_refused_plainly_and_nothing_is_sent(string email, string message)
    {
        var before = await app.QueryAsync(db => db.OutboxMessages.CountAsync());
        var response = await app.CreateAnonymousClient().SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string?> { ["Email"] = email });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        page.GetElementById("Email-error")!.TextContent.ShouldBe(message);
        page.QuerySelector("[role=status]").ShouldBeNull();
        (await app.QueryAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task A_tampered_link_or_a_weak_password_changes_nothing()
    {
        var person = await PersonAsync("careful");
        var visitor = app.CreateAnonymousClient();
        await AskAsync(visitor, person.Email!);
        var link = LinkIn((await app.Smtp.WaitForAsync(person.Email!)).Single());
        var hash = (await app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id))).PasswordHash;

        var tampered = new Uri(link.AbsoluteUri.Replace("token=", "token=x", StringComparison.Ordinal));
        ShouldRefuseTheLink(await visitor.GetPageAsync(tampered.PathAndQuery));
        var otherPerson = new Uri(Regex.Replace(link.AbsoluteUri, "person=[^&]+", $"person={app.Admin.Id}"));
        ShouldRefuseTheLink(await visitor.GetPageAsync(otherPerson.PathAndQuery));
        var opened = await visitor.ReadFormAsync(link.PathAndQuery);
        ShouldRefuseTheLink(await HtmlForms.ParseAsync(await PostOpenedAsync(visitor, opened, "a brand new passphrase", new Dictionary<string, string?> { ["Token"] = "x" + opened.Fields["Token"] })));
        ShouldRefuseTheLink(await HtmlForms.ParseAsync(await PostOpenedAsync(visitor, opened, "a brand new passphrase", new Dictionary<string, string?> { ["Person"] = app.Admin.Id.ToString() })));
        var mismatch = await HtmlForms.ParseAsync(await ResetAsync(visitor, link, "a brand new passphrase", "a different passphrase"));
        mismatch.GetElementById("ConfirmPassword-error")!.TextContent.ShouldNotBeEmpty();
        var tooShort = await HtmlForms.ParseAsync(await ResetAsync(visitor, link, "short"));
        tooShort.GetElementById("NewPassword-error")!.TextContent.ShouldNotBeEmpty();
        ShouldRefuseTheLink(await visitor.GetPageAsync("/Account/ResetPassword"));

        (await app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id))).PasswordHash.ShouldBe(hash);
        (await ResetAsync(visitor, link, "a brand new passphrase")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the real link still works");
    }
}
