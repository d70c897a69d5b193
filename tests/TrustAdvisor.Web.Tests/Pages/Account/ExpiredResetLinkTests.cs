using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;
using static TrustAdvisor.Web.Tests.Pages.Account.ForgotPasswordTests;

namespace TrustAdvisor.Web.Tests.Pages.Account;

/// <summary>
/// The mail app with reset links that expire after six seconds (long enough to open one on a loaded two-core machine). Identity's token provider reads the system clock,
/// not the app's TimeProvider, so the link is let expire for real.
/// </summary>
public sealed class ShortResetLinkApp : MailApp
{
    public static readonly TimeSpan LinkValidFor = TimeSpan.FromSeconds(6);

    public override IReadOnlyDictionary<string, string> MailSettings => new Dictionary<string, string>(base.MailSettings)
    {
        ["Mail:ResetLinkValidFor"] = LinkValidFor.ToString(),
    };
}

public class ExpiredResetLinkTests(ShortResetLinkApp app) : IClassFixture<ShortResetLinkApp>
{
    [Fact]
    public async Task A_link_used_after_it_expired_says_so_and_changes_nothing()
    {
        var person = await app.CreatePersonAsync($"slow.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, app.Team.Id);
        var visitor = app.CreateAnonymousClient();
        (await AskAsync(visitor, person.Email!)).ShouldContain("The link works once, for 6 seconds.");
        var asked = DateTimeOffset.UtcNow;
        var message = (await app.Smtp.WaitForAsync(person.Email!)).ShouldHaveSingleItem();
        (message.TextBody ?? "").ShouldContain("The link works once, for 6 seconds.", customMessage: "the mail tells the configured time");
        var link = LinkIn(message);
        var before = await app.QueryAsync(db => db.Users.AsNoTracking().Where(u => u.Id == person.Id)
            .Select(u => new { u.PasswordHash, u.SecurityStamp }).SingleAsync());
        var audited = await app.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Kind == AuditKind.PasswordReset));

        var openedInTime = await visitor.ReadFormAsync(link.PathAndQuery);
        var left = asked + ShortResetLinkApp.LinkValidFor + TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow;
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }

        var posted = await PostOpenedAsync(visitor, openedInTime, "a brand new passphrase");
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldRefuseTheLink(await HtmlForms.ParseAsync(posted));
        ShouldRefuseTheLink(await visitor.GetPageAsync(link.PathAndQuery));

        var after = await app.QueryAsync(db => db.Users.AsNoTracking().Where(u => u.Id == person.Id)
            .Select(u => new { u.PasswordHash, u.SecurityStamp }).SingleAsync());
        after.ShouldBe(before);
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Kind == AuditKind.PasswordReset))).ShouldBe(audited);
        (await app.CreateAnonymousClient().SubmitAsync("/Account/SignIn", new Dictionary<string, string?>
        {
            ["Email"] = person.Email,
            ["Password"] = AppFixture.Password,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the old password still signs in");
    }

    [Fact]
    public async Task A_link_within_its_time_still_shows_the_form()
    {
        var person = await app.CreatePersonAsync($"quick.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, app.Team.Id);
        var visitor = app.CreateAnonymousClient();
        await AskAsync(visitor, person.Email!);
        var link = LinkIn((await app.Smtp.WaitForAsync(person.Email!)).Single());

        var opened = await visitor.GetPageAsync(link.PathAndQuery);

        opened.QuerySelector("input[name=NewPassword]").ShouldNotBeNull();
        opened.QuerySelector("[role=alert]").ShouldBeNull();
    }
}
