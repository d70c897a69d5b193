using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Pages.Account;
using TrustAdvisor.Web.Security;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Account;

/// <summary>Signing in with two-factor on: the password, then a code from the app or a recovery code, each good once.</summary>
public class SignInCodeTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private async Task<(AppUser Person, string Key, IReadOnlyList<string> RecoveryCodes)> SomeoneWithTwoFactorAsync()
    {
        var person = await app.CreatePersonAsync($"code.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var (key, codes) = await app.TurnOnTwoFactorAsync(person);
        return (person, key, codes);
    }

    private static async Task<HttpResponseMessage> PasswordAsync(HttpClient client, AppUser person) =>
        await client.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = person.Email, ["Password"] = AppFixture.Password });

    private static Task<HttpResponseMessage> CodeAsync(HttpClient client, string code, bool remember = false) =>
        client.SubmitAsync("/Account/SignInCode", new Dictionary<string, string?> { ["Code"] = code, ["RememberDevice"] = remember ? "true" : null });

    private static async Task<bool> SignedInAsync(HttpClient client) =>
        (await client.GetAsync(new Uri("/Account/Settings", UriKind.Relative))).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task The_password_alone_does_not_sign_in_the_code_from_the_app_does()
    {
        var (person, key, _) = await SomeoneWithTwoFactorAsync();
        var client = app.CreateAnonymousClient();

        (await PasswordAsync(client, person)).Location().ShouldStartWith("/Account/SignInCode");
        (await SignedInAsync(client)).ShouldBeFalse();

        var response = await CodeAsync(client, Authenticator.Code(key));

        response.Location().ShouldBe("/");
        (await SignedInAsync(client)).ShouldBeTrue();
        (await app.QueryAsync(db => db.AuditEvents.Where(e => e.SubjectId == person.Id && e.Kind == AuditKind.SignInSucceeded).Select(e => e.Detail).SingleAsync()))
            .ShouldBe($"{person.Email} (with an authenticator code)");
    }

    [Theory]
    [InlineData("", "Enter the code from your authenticator app, or a recovery code.")]
    [InlineData("12345", SignInCodeModel.Failed)]
    [InlineData("ABCDE-FGHIJ", SignInCodeModel.Failed)]
    public async Task A_missing_or_wrong_code_gets_a_message_and_signs_nobody_in(string code, string message)
    {
        var (person, _, _) = await SomeoneWithTwoFactorAsync();
        var client = app.CreateAnonymousClient();
        await PasswordAsync(client, person);

        var response = await CodeAsync(client, code);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError("Code").ShouldBe(message);
        (await SignedInAsync(client)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_code_from_the_app_signs_in_once_and_is_refused_the_second_time()
    {
        var (person, key, _) = await SomeoneWithTwoFactorAsync();
        var code = Authenticator.Code(key);
        var first = app.CreateAnonymousClient();
        await PasswordAsync(first, person);
        (await CodeAsync(first, code)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var second = app.CreateAnonymousClient();
        await PasswordAsync(second, person);
        var response = await CodeAsync(second, code);

        (await HtmlForms.ParseAsync(response)).FieldError("Code").ShouldBe(SignInCodeModel.Failed);
        (await SignedInAsync(second)).ShouldBeFalse();
        // ASVS 2.8.5: the owner is told a code of theirs was given again.
        (await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.RecipientId == person.Id && m.Kind == MailKind.CodeReused))).ShouldBe(1);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_says_how_many_are_left()
    {
        var (person, _, codes) = await SomeoneWithTwoFactorAsync();
        var first = app.CreateAnonymousClient();
        await PasswordAsync(first, person);
        (await CodeAsync(first, codes[3].ToLowerInvariant())).StatusCode.ShouldBe(HttpStatusCode.Redirect, "typed in small letters, it still counts");

        var second = app.CreateAnonymousClient();
        await PasswordAsync(second, person);
        (await HtmlForms.ParseAsync(await CodeAsync(second, codes[3]))).FieldError("Code").ShouldBe(SignInCodeModel.Failed);
        (await app.QueryAsync(db => db.AuditEvents.Where(e => e.SubjectId == person.Id && e.Kind == AuditKind.SignInSucceeded).Select(e => e.Detail).SingleAsync()))
            .ShouldBe($"{person.Email} (with a recovery code, 9 left)");
    }

    [Fact]
    public async Task Too_many_wrong_codes_hold_the_address_back_and_then_even_the_right_one_is_refused()
    {
        var (person, key, _) = await SomeoneWithTwoFactorAsync();
        var client = app.CreateAnonymousClientFrom("203.0.113.77");
        await PasswordAsync(client, person);
        for (var i = 0; i < PasswordCheck.FailuresPerAddress; i++)
        {
            await CodeAsync(client, "999999");
        }

        var response = await CodeAsync(client, Authenticator.Code(key));

        (await HtmlForms.ParseAsync(response)).FieldError("Code").ShouldBe(SignInCodeModel.Failed);
        (await SignedInAsync(client)).ShouldBeFalse();
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == person.Id && e.Detail!.Contains("held back")))).ShouldBe(1);
    }

    [Fact]
    public async Task A_remembered_device_skips_the_code_for_thirty_days_and_then_asks_again()
    {
        var (person, key, _) = await SomeoneWithTwoFactorAsync();
        var client = app.CreateAnonymousClient();
        await PasswordAsync(client, person);
        await CodeAsync(client, Authenticator.Code(key), remember: true);
        await client.SubmitAsync("/Account/SignOut", new Dictionary<string, string?>(), "main form");
        (await SignedInAsync(client)).ShouldBeFalse();

        (await PasswordAsync(client, person)).Location().ShouldBe("/", "this device is remembered");
        (await SignedInAsync(client)).ShouldBeTrue();

        var elsewhere = app.CreateAnonymousClient();
        (await PasswordAsync(elsewhere, person)).Location().ShouldStartWith("/Account/SignInCode"); // another device is not remembered

        await app.Clock.WhileMovedAsync(TwoFactorSignIn.RememberDeviceFor + TimeSpan.FromDays(1), async () =>
            (await PasswordAsync(client, person)).Location().ShouldStartWith("/Account/SignInCode")); // after thirty days it asks again
    }

    [Fact]
    public async Task The_step_after_the_password_lasts_five_minutes_then_signing_in_starts_again()
    {
        var (person, key, _) = await SomeoneWithTwoFactorAsync();
        var client = app.CreateAnonymousClient();
        await PasswordAsync(client, person);
        var (action, fields) = await client.ReadFormAsync("/Account/SignInCode");
        fields["Code"] = Authenticator.Code(key);

        await app.Clock.WhileMovedAsync(TimeSpan.FromMinutes(6), async () =>
        {
            var response = await client.PostFormAsync(action, fields);
            response.Location().ShouldStartWith("/Account/SignIn");
            (await client.GetPageAsync(response.Location())).QuerySelector("[role=status]")!.TextContent.ShouldContain(SignInCodeModel.TimedOut);
        });

        (await SignedInAsync(client)).ShouldBeFalse();
    }
}

/// <summary>The embedded default keeps the key, the codes and the one-use record as PostgreSQL does.</summary>
public class SignInCodeOnSqliteTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Two_factor_sign_in_works_on_the_embedded_database_and_a_code_is_good_once()
    {
        var person = await app.CreatePersonAsync($"code.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var (key, codes) = await app.TurnOnTwoFactorAsync(person);
        var code = Authenticator.Code(key);

        foreach (var (given, signsIn) in new[] { (code, true), (code, false), (codes[0], true), (codes[0], false) })
        {
            var client = app.CreateAnonymousClient();
            await client.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = person.Email, ["Password"] = AppFixture.Password });
            var response = await client.SubmitAsync("/Account/SignInCode", new Dictionary<string, string?> { ["Code"] = given });
            response.StatusCode.ShouldBe(signsIn ? HttpStatusCode.Redirect : HttpStatusCode.OK);
        }
    }
}
