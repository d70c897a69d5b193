using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Pages.Account;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Account;

/// <summary>Setting up two-factor sign-in from Your settings, and turning it off or making new recovery codes.</summary>
public class TwoFactorTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private async Task<(AppUser Person, HttpClient Client)> SomeoneSignedInAsync()
    {
        var person = await app.CreatePersonAsync($"twofactor.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        return (person, await app.CreateClientAsync(person.Email!));
    }

    [Fact]
    public async Task Setting_up_shows_a_QR_code_and_the_key_turns_on_with_a_code_from_the_app_and_shows_ten_recovery_codes_once()
    {
        var (person, client) = await SomeoneSignedInAsync();

        var setup = await client.GetPageAsync("/Account/TwoFactor");
        setup.QuerySelector("svg.qr")!.GetAttribute("role").ShouldBe("img");
        var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent;
        key.ShouldMatch("^[a-z2-7]{4}( [a-z2-7]{1,4})+$");
        (await client.GetPageAsync("/Account/TwoFactor")).QuerySelector("[data-testid=authenticator-key]")!.TextContent
            .ShouldBe(key, "the key is made once and kept until it is used");

        var response = await client.SubmitAsync("/Account/TwoFactor", new Dictionary<string, string?> { ["Code"] = Authenticator.Code(key) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var shown = await HtmlForms.ParseAsync(response);
        var codes = shown.QuerySelectorAll("[data-testid=recovery-codes] code").Select(c => c.TextContent).ToList();
        codes.Count.ShouldBe(10);
        codes.Distinct().Count().ShouldBe(10);
        var after = await client.GetPageAsync("/Account/TwoFactor");
        after.QuerySelector("[data-testid=recovery-codes]").ShouldBeNull("the codes are shown once");
        after.QuerySelector("[data-testid=codes-left]")!.TextContent.ShouldBe("10");
        (await app.QueryAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync())).ShouldBeTrue();
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == person.Id && e.Kind == AuditKind.TwoFactorOn))).ShouldBe(1);

        // Neither the key nor a code is kept in a form that could be used from a copy of the database.
        var stored = await app.QueryAsync(db => db.UserTokens.Where(t => t.UserId == person.Id).Select(t => t.Value!).ToListAsync());
        var compactKey = key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        stored.ShouldNotBeEmpty();
        stored.ShouldAllBe(value => !value.Contains(compactKey, StringComparison.OrdinalIgnoreCase));
        stored.ShouldAllBe(value => codes.All(code => !value.Contains(code, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("", "Enter the code your authenticator app shows.")]
    [InlineData("000000", "That code is not right")]
    [InlineData("not a code", "That code is not right")]
    public async Task A_wrong_or_missing_code_leaves_two_factor_off(string code, string message)
    {
        var (person, client) = await SomeoneSignedInAsync();

        var response = await client.SubmitAsync("/Account/TwoFactor", new Dictionary<string, string?> { ["Code"] = code });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError("Code").ShouldNotBeNull().ShouldContain(message);
        (await app.QueryAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync())).ShouldBeFalse();
    }

    [Fact]
    public async Task Turning_it_off_needs_a_current_code_and_then_the_password_alone_signs_in()
    {
        var (person, _) = await SomeoneSignedInAsync();
        var (key, codes) = await app.TurnOnTwoFactorAsync(person);
        var client = await SignInWithCodeAsync(person, codes[0]);

        var (action, fields) = await client.ReadFormAsync("/Account/TwoFactor");
        fields["Code"] = "123456";
        var wrong = await client.PostFormAsync(action + "?handler=Off", fields);
        (await HtmlForms.ParseAsync(wrong)).FieldError("Code").ShouldNotBeNull().ShouldContain("That code is not right");
        (await app.QueryAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync())).ShouldBeTrue();

        fields["Code"] = Authenticator.Code(key);
        (await client.PostFormAsync(action + "?handler=Off", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.QueryAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync())).ShouldBeFalse();
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "this session carries on");
        (await app.CreateClientAsync(person.Email!)).ShouldNotBeNull();
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == person.Id && e.Kind == AuditKind.TwoFactorOff))).ShouldBe(1);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var (person, _) = await SomeoneSignedInAsync();
        var (_, codes) = await app.TurnOnTwoFactorAsync(person);
        var client = await SignInWithCodeAsync(person, codes[0]);

        var (action, fields) = await client.ReadFormAsync("/Account/TwoFactor");
        fields["Code"] = codes[1];
        var response = await client.PostFormAsync(action + "?handler=NewCodes", fields);

        var fresh = (await HtmlForms.ParseAsync(response)).QuerySelectorAll("[data-testid=recovery-codes] code").Select(c => c.TextContent).ToList();
        fresh.Count.ShouldBe(10);
        var visitor = app.CreateAnonymousClient();
        await visitor.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = person.Email, ["Password"] = AppFixture.Password });
        var old = await visitor.SubmitAsync("/Account/SignInCode", new Dictionary<string, string?> { ["Code"] = codes[2] });
        (await HtmlForms.ParseAsync(old)).FieldError("Code").ShouldBe(SignInCodeModel.Failed);
        (await visitor.SubmitAsync("/Account/SignInCode", new Dictionary<string, string?> { ["Code"] = fresh[0] })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_administrator_resets_a_persons_two_factor_which_ends_their_sessions()
    {
        var (person, _) = await SomeoneSignedInAsync();
        var (_, codes) = await app.TurnOnTwoFactorAsync(person);
        var phone = await SignInWithCodeAsync(person, codes[0]);
        var admin = await app.CreateClientAsync();

        var people = await admin.GetPageAsync("/Admin/People");
        people.QuerySelector($"tr[data-email='{person.Email}']")!.TextContent.ShouldContain("Two-factor");
        var response = await admin.SubmitAsync("/Admin/People", new Dictionary<string, string?>(), $"tr[data-email='{person.Email}'] form[action*='ResetTwoFactor']");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync())).ShouldBeFalse();
        (await phone.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect, "their session has ended");
        (await app.CreateClientAsync(person.Email!)).ShouldNotBeNull("the password alone signs in until they set it up again");
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == person.Id && e.Kind == AuditKind.TwoFactorReset))).ShouldBe(1);
        (await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.RecipientId == person.Id && m.Kind == MailKind.TwoFactorReset))).ShouldBe(1);
    }

    private async Task<HttpClient> SignInWithCodeAsync(AppUser person, string code)
    {
        var client = app.CreateAnonymousClient();
        (await client.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = person.Email, ["Password"] = AppFixture.Password }))
            .Location().ShouldStartWith("/Account/SignInCode");
        (await client.SubmitAsync("/Account/SignInCode", new Dictionary<string, string?> { ["Code"] = code })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }
}
