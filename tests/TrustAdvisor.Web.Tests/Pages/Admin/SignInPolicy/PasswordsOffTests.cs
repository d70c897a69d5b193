using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Admin.SignInPolicy;

/// <summary>
/// Once single sign-on works, an administrator keeps passwords for administrators alone (break-glass, with
/// two-factor): everyone else signs in through the provider.
/// </summary>
public class PasswordsOffTests(SingleSignOnApp app) : IClassFixture<SingleSignOnApp>
{
    private static Task<HttpResponseMessage> PasswordsForAsync(HttpClient admin, string choice) =>
        admin.SubmitAsync("/Admin/SignInPolicy", new Dictionary<string, string?> { ["PasswordsFor"] = choice });

    private static Task<HttpResponseMessage> PasswordAsync(HttpClient client, string email) =>
        client.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = AppFixture.Password });

    private static async Task<bool> SignedInAsync(HttpClient client) =>
        (await client.GetAsync(new Uri("/Account/Settings", UriKind.Relative))).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task Passwords_go_for_everyone_but_administrators_only_once_single_sign_on_worked_and_the_administrator_has_two_factor()
    {
        var advisor = await app.CreatePersonAsync($"advisor.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var advisorsPasswordSession = await app.CreateClientAsync(advisor.Email!);
        var admin = await app.CreateClientAsync();

        var untried = await PasswordsForAsync(admin, "AdministratorsOnly");
        (await HtmlForms.ParseAsync(untried)).FieldError("PasswordsFor").ShouldBe("Nobody has signed in with Test Provider yet: try it first, then turn passwords off.");

        var ssoPerson = $"first.{Guid.NewGuid():N}@{SingleSignOnApp.AllowedDomain}";
        var ssoClient = app.CreateAnonymousClient();
        (await app.IdentityProvider.SignInAsync(ssoClient, ssoPerson)).Answer.Location().ShouldBe("/");
        var withoutTwoFactor = await PasswordsForAsync(admin, "AdministratorsOnly");
        (await HtmlForms.ParseAsync(withoutTwoFactor)).FieldError("PasswordsFor")!.ShouldStartWith("Turn on two-factor sign-in for yourself first");
        (await app.QueryAsync(db => db.SignInPolicies.AnyAsync(p => p.PasswordsFor == PasswordSignIn.AdministratorsOnly))).ShouldBeFalse();

        var (key, _) = await app.TurnOnTwoFactorAsync(app.Admin);
        var breakGlass = app.CreateAnonymousClient();
        (await PasswordAsync(breakGlass, AppFixture.AdminEmail)).Location().ShouldStartWith("/Account/SignInCode");
        (await breakGlass.SubmitAsync("/Account/SignInCode", new Dictionary<string, string?> { ["Code"] = Authenticator.Code(key) })).Location().ShouldBe("/");

        (await PasswordsForAsync(breakGlass, "AdministratorsOnly")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Kind == AuditKind.PasswordSignInChanged))).ShouldBe(1);
        (await SignedInAsync(advisorsPasswordSession)).ShouldBeFalse("their password session ended");
        (await SignedInAsync(ssoClient)).ShouldBeTrue("a single sign-on session carries on");
        (await SignedInAsync(breakGlass)).ShouldBeTrue();

        var refused = await PasswordAsync(app.CreateAnonymousClient(), advisor.Email!);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("sign in with Test Provider");

        var signInPage = await app.CreateAnonymousClient().GetPageAsync("/Account/SignIn");
        signInPage.QuerySelector("details.break-glass summary")!.TextContent.ShouldBe("Administrators: sign in with a password");

        (await app.CreateAnonymousClient().SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string?> { ["Email"] = advisor.Email }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.OutboxToAsync(advisor.Email!)).ShouldBeEmpty();
    }
}
