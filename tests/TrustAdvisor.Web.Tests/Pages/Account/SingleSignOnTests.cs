using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Account;

/// <summary>
/// Single sign-on against a real OpenID Connect provider (OpenIddict, code flow with PKCE): who gets in, who does not,
/// and every answer the app must refuse.
/// </summary>
public class SingleSignOnTests(SingleSignOnApp app) : IClassFixture<SingleSignOnApp>
{
    private const string Failed = "did not complete";

    private static string Unique(string name, string domain = "firm.test") => $"{name}.{Guid.NewGuid():N}@{domain}";

    private TestIdentityProvider Provider => app.IdentityProvider;

    private async Task<AppUser> InviteAsync(string email)
    {
        var admin = await app.CreateClientAsync();
        (await admin.SubmitAsync("/Admin/People/Invite", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "Jane Invited",
            ["Input.Email"] = email,
            ["Input.Role"] = "Advisor",
            ["Input.TeamId"] = app.Team.Id.ToString(),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await PersonAsync(email);
    }

    private Task<AppUser> PersonAsync(string email) =>
        app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    private static async Task<bool> SignedInAsync(HttpClient client) =>
        (await client.GetAsync(new Uri("/Account/Settings", UriKind.Relative))).StatusCode == HttpStatusCode.OK;

    private static async Task<string> ProblemAsync(HttpResponseMessage answer)
    {
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await HtmlForms.ParseAsync(answer)).QuerySelector("[data-testid=sso-problem]")!.TextContent.Trim();
    }

    private Task<int> OpenSessionsAsync(Guid personId) =>
        app.QueryAsync(db => db.UserSessions.CountAsync(s => s.UserId == personId && s.EndedAt == null));

    [Fact]
    public async Task The_sign_in_page_offers_the_provider_and_sends_the_browser_there_with_PKCE()
    {
        var visitor = app.CreateAnonymousClient();
        (await visitor.GetPageAsync("/Account/SignIn")).QuerySelector("[data-testid=single-sign-on]")!.TextContent.ShouldBe("Sign in with Test Provider");

        var start = await visitor.SubmitAsync("/Account/SingleSignOn", new Dictionary<string, string?>());

        var query = QueryHelpers.ParseQuery(start.Headers.Location!.Query);
        query["client_id"].ToString().ShouldBe(TestIdentityProvider.ClientId);
        query["response_type"].ToString().ShouldBe("code");
        query["code_challenge_method"].ToString().ShouldBe("S256");
        query["code_challenge"].ToString().ShouldNotBeEmpty();
        query["nonce"].ToString().ShouldNotBeEmpty();
        query["state"].ToString().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task An_invited_person_signs_in_through_the_provider_joins_and_is_linked_to_it()
    {
        var email = Unique("jane");
        var invited = await InviteAsync(email);
        invited.JoinedAt.ShouldBeNull();
        var visitor = app.CreateAnonymousClient();

        var (_, answer) = await Provider.SignInAsync(visitor, email);

        answer.Location().ShouldBe("/");
        (await SignedInAsync(visitor)).ShouldBeTrue();
        (await PersonAsync(email)).JoinedAt.ShouldNotBeNull();
        var login = await app.QueryAsync(db => db.UserLogins.SingleAsync(l => l.UserId == invited.Id));
        (login.LoginProvider, login.ProviderKey).ShouldBe((Provider.Authority.ToString(), TestIdentityProvider.SubjectOf(email)));
        var session = await app.QueryAsync(db => db.UserSessions.SingleAsync(s => s.UserId == invited.Id));
        session.ProviderIssuer.ShouldBe(Provider.Authority.ToString());
        session.ProviderSessionId.ShouldNotBeNullOrEmpty();
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == invited.Id && e.Kind == AuditKind.SingleSignOnLinked))).ShouldBe(1);
        var people = await (await app.CreateClientAsync()).GetPageAsync("/Admin/People");
        people.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal)).TextContent.ShouldNotContain("Invited, not joined yet");
    }

    [Fact]
    public async Task A_later_sign_in_finds_the_person_by_the_providers_subject_even_after_their_address_changed_there()
    {
        var email = Unique("moved");
        var invited = await InviteAsync(email);
        (await Provider.SignInAsync(app.CreateAnonymousClient(), email)).Answer.Location().ShouldBe("/");

        var visitor = app.CreateAnonymousClient();
        var (_, answer) = await Provider.SignInAsync(visitor, Unique("renamed", "elsewhere.test"), subject: TestIdentityProvider.SubjectOf(email));

        answer.Location().ShouldBe("/");
        (await visitor.GetPageAsync("/Account/Settings")).Body!.TextContent.ShouldContain("Jane Invited");
        (await app.QueryAsync(db => db.UserLogins.CountAsync(l => l.UserId == invited.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Someone_of_an_allowed_domain_gets_an_account_as_an_advisor_in_no_team_and_can_use_the_app()
    {
        var email = Unique("new", SingleSignOnApp.AllowedDomain);
        var visitor = app.CreateAnonymousClient();

        var (_, answer) = await Provider.SignInAsync(visitor, email, name: "Nora Newcomer");

        answer.Location().ShouldBe("/");
        var person = await PersonAsync(email);
        (person.Role, person.TeamId, person.DisplayName, person.PasswordHash).ShouldBe((UserRole.Advisor, null, "Nora Newcomer", null));
        (await visitor.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await visitor.GetAsync(new Uri("/Relationships/Create", UriKind.Relative))).StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == person.Id && e.Kind == AuditKind.PersonCreated))).ShouldBe(1);
    }

    [Fact]
    public async Task Someone_without_a_password_is_told_there_is_none_to_change_and_a_post_changes_nothing()
    {
        var email = Unique("no.password", SingleSignOnApp.AllowedDomain);
        var visitor = app.CreateAnonymousClient();
        await Provider.SignInAsync(visitor, email, name: "Pat Provider");
        var person = await PersonAsync(email);

        var page = await visitor.GetPageAsync("/Account/Password");

        page.QuerySelector("main .lead")!.TextContent.ShouldStartWith("You sign in with Test Provider and have no TrustAdvisor password");
        page.QuerySelector("main .lead")!.TextContent.ShouldContain("“Forgot your password?”");
        page.QuerySelector("form.form").ShouldBeNull();
        var posted = await visitor.PostFormAsync("/Account/Password", new Dictionary<string, string?>
        {
            // The sign-out form in the page's header has the session's anti-forgery token.
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"),
            ["CurrentPassword"] = "anything at all",
            ["NewPassword"] = "a brand new long password",
            ["ConfirmPassword"] = "a brand new long password",
        });
        (await HtmlForms.ParseAsync(posted)).QuerySelector("main .lead")!.TextContent.ShouldStartWith("You sign in with Test Provider");
        (await PersonAsync(email)).PasswordHash.ShouldBeNull();
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == person.Id && e.Kind == AuditKind.SignInFailed))).ShouldBe(0);
    }

    [Fact]
    public async Task Someone_neither_invited_nor_of_an_allowed_domain_is_refused_and_no_account_is_made()
    {
        var email = Unique("stranger", "elsewhere.test");
        var visitor = app.CreateAnonymousClient();

        var (_, answer) = await Provider.SignInAsync(visitor, email);

        (await ProblemAsync(answer)).ShouldContain("Ask an administrator to invite you");
        (await SignedInAsync(visitor)).ShouldBeFalse();
        (await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
    }

    [Fact]
    public async Task An_address_the_provider_did_not_verify_is_not_matched_to_anyone()
    {
        var email = Unique("unverified");
        var invited = await InviteAsync(email);
        var visitor = app.CreateAnonymousClient();

        var (_, answer) = await Provider.SignInAsync(visitor, email, verified: false);

        (await ProblemAsync(answer)).ShouldContain("did not confirm an email address");
        (await SignedInAsync(visitor)).ShouldBeFalse();
        (await app.QueryAsync(db => db.UserLogins.AnyAsync(l => l.UserId == invited.Id))).ShouldBeFalse();
        (await PersonAsync(email)).JoinedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_withdrawn_invitation_or_a_deactivated_person_is_refused()
    {
        var email = Unique("withdrawn");
        var invited = await InviteAsync(email);
        var admin = await app.CreateClientAsync();
        (await admin.SubmitAsync("/Admin/People", new Dictionary<string, string?>(), $"form[action*='handler=Withdraw'][action*='{invited.Id}']"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var visitor = app.CreateAnonymousClient();

        var (_, answer) = await Provider.SignInAsync(visitor, email);

        (await ProblemAsync(answer)).ShouldContain("not active");
        (await SignedInAsync(visitor)).ShouldBeFalse();
        (await OpenSessionsAsync(invited.Id)).ShouldBe(0);
    }

    [Theory]
    [InlineData("issuer")]
    [InlineData("audience")]
    [InlineData("nonce")]
    public async Task An_ID_token_with_another_issuer_audience_or_nonce_is_refused(string wrong)
    {
        var email = Unique(wrong);
        var invited = await InviteAsync(email);
        var visitor = app.CreateAnonymousClient();
        switch (wrong)
        {
            case "issuer": Provider.Misbehaves.Issuer = "https://impostor.example.test/"; break;
            case "audience": Provider.Misbehaves.Audience = "another-app"; break;
            default: Provider.Misbehaves.Nonce = "a-nonce-of-another-sign-in"; break;
        }

        HttpResponseMessage answer;
        try
        {
            answer = (await Provider.SignInAsync(visitor, email)).Answer;
        }
        finally
        {
            Provider.Misbehaves.Reset();
        }

        (await ProblemAsync(answer)).ShouldContain(Failed);
        (await SignedInAsync(visitor)).ShouldBeFalse();
        (await OpenSessionsAsync(invited.Id)).ShouldBe(0);
        (await app.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Kind == AuditKind.SignInFailed && e.Detail!.StartsWith("single sign-on refused")))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_tampered_state_is_refused()
    {
        var email = Unique("state");
        var invited = await InviteAsync(email);
        var visitor = app.CreateAnonymousClient();

        var (_, answer) = await Provider.SignInAsync(visitor, email, tamper: callback =>
        {
            var query = QueryHelpers.ParseQuery(callback.Query);
            var state = query["state"].ToString();
            var tampered = state[..^4] + (state[^4..] == "AAAA" ? "BBBB" : "AAAA");
            return new Uri(QueryHelpers.AddQueryString(callback.GetLeftPart(UriPartial.Path), new Dictionary<string, string?>
            {
                ["code"] = query["code"],
                ["state"] = tampered,
                ["iss"] = query["iss"],
            }));
        });

        (await ProblemAsync(answer)).ShouldContain(Failed);
        (await OpenSessionsAsync(invited.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_replayed_answer_is_refused_in_the_same_browser_and_in_another()
    {
        var email = Unique("replay");
        var invited = await InviteAsync(email);
        var visitor = app.CreateAnonymousClient();
        var (callback, answer) = await Provider.SignInAsync(visitor, email);
        answer.Location().ShouldBe("/");
        (await visitor.SubmitAsync("/Account/SignOut", new Dictionary<string, string?>(), "main form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        foreach (var browser in new[] { visitor, app.CreateAnonymousClient() })
        {
            var replayed = await browser.GetAsync(new Uri(callback.PathAndQuery, UriKind.Relative));
            replayed.Location().ShouldStartWith("/Account/SingleSignOn?failed=true");
            (await SignedInAsync(browser)).ShouldBeFalse();
        }

        (await OpenSessionsAsync(invited.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task The_providers_single_sign_out_ends_the_session_it_signed_in_and_nothing_else()
    {
        var email = Unique("signout");
        var invited = await InviteAsync(email);
        var visitor = app.CreateAnonymousClient();
        (await Provider.SignInAsync(visitor, email)).Answer.Location().ShouldBe("/");
        var sid = await app.QueryAsync(db => db.UserSessions.Where(s => s.UserId == invited.Id).Select(s => s.ProviderSessionId).SingleAsync());
        var someoneElse = await app.CreateClientAsync();
        var frame = app.CreateAnonymousClient();

        var wrongIssuer = await frame.GetAsync(new Uri($"/signout-oidc?iss={Uri.EscapeDataString("https://impostor.example.test/")}&sid={sid}", UriKind.Relative));
        wrongIssuer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SignedInAsync(visitor)).ShouldBeTrue();

        var signOut = await frame.GetAsync(new Uri($"/signout-oidc?iss={Uri.EscapeDataString(Provider.Authority.ToString())}&sid={sid}", UriKind.Relative));

        signOut.StatusCode.ShouldBe(HttpStatusCode.OK);
        signOut.Headers.GetValues("Content-Security-Policy").Single().ShouldContain($"frame-ancestors {Provider.Authority.GetLeftPart(UriPartial.Authority)}");
        signOut.Headers.Contains("X-Frame-Options").ShouldBeFalse();
        (await SignedInAsync(visitor)).ShouldBeFalse();
        (await SignedInAsync(someoneElse)).ShouldBeTrue();
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == invited.Id && e.Kind == AuditKind.SignedOutByProvider))).ShouldBe(1);
    }

    [Fact]
    public async Task An_administrator_without_a_password_confirms_a_sensitive_action_by_signing_in_again_at_the_provider()
    {
        var email = Unique("sso-admin", SingleSignOnApp.AllowedDomain);
        var visitor = app.CreateAnonymousClient();
        (await Provider.SignInAsync(visitor, email)).Answer.Location().ShouldBe("/");
        await app.QueryAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, UserRole.Administrator)));

        var confirm = await visitor.GetPageAsync("/Account/Confirm?ReturnUrl=%2FAdmin%2FPeople");
        confirm.QuerySelector("#Secret").ShouldBeNull();
        var again = await visitor.SubmitAsync("/Account/Confirm?ReturnUrl=%2FAdmin%2FPeople", new Dictionary<string, string?>(), "form.single-sign-on");

        var query = QueryHelpers.ParseQuery(again.Headers.Location!.Query);
        query["prompt"].ToString().ShouldBe("login");
    }

    [Fact]
    public async Task The_installation_check_asks_for_a_provider_reached_over_HTTPS()
    {
        var page = await (await app.CreateClientAsync()).GetPageAsync("/Admin/Installation");

        var line = page.QuerySelector("li[data-check='Single sign-on']")!;
        line.QuerySelector(".badge")!.TextContent.ShouldBe("To fix");
        line.QuerySelector(".hint")!.TextContent.ShouldContain("SingleSignOn__Authority");
    }

    [Fact]
    public async Task Signing_out_of_TrustAdvisor_ends_a_single_sign_on_session_on_the_server()
    {
        var email = Unique("leaving");
        var invited = await InviteAsync(email);
        var visitor = app.CreateAnonymousClient();
        (await Provider.SignInAsync(visitor, email)).Answer.Location().ShouldBe("/");

        (await visitor.SubmitAsync("/Account/SignOut", new Dictionary<string, string?>(), "main form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await OpenSessionsAsync(invited.Id)).ShouldBe(0);
        (await SignedInAsync(visitor)).ShouldBeFalse();
    }
}

/// <summary>Single sign-on on the embedded default: joining, the link kept, and the provider's single sign-out.</summary>
public class SingleSignOnOnSqliteTests(SqliteSingleSignOnApp app) : IClassFixture<SqliteSingleSignOnApp>
{
    [Fact]
    public async Task Someone_of_an_allowed_domain_joins_and_the_providers_single_sign_out_ends_their_session()
    {
        var email = $"embedded.{Guid.NewGuid():N}@{SingleSignOnApp.AllowedDomain}";
        var visitor = app.CreateAnonymousClient();

        (await app.IdentityProvider.SignInAsync(visitor, email)).Answer.Location().ShouldBe("/");

        var person = await app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        (person.Role, person.TeamId, person.JoinedAt is not null).ShouldBe((UserRole.Advisor, null, true));
        (await app.QueryAsync(db => db.UserLogins.CountAsync(l => l.UserId == person.Id))).ShouldBe(1);
        var sid = await app.QueryAsync(db => db.UserSessions.Where(s => s.UserId == person.Id).Select(s => s.ProviderSessionId).SingleAsync());
        (await visitor.GetAsync(new Uri("/Account/Settings", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var signOut = await app.CreateAnonymousClient().GetAsync(
            new Uri($"/signout-oidc?iss={Uri.EscapeDataString(app.IdentityProvider.Authority.ToString())}&sid={sid}", UriKind.Relative));

        signOut.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await visitor.GetAsync(new Uri("/Account/Settings", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
