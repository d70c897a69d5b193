using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Account;

public class SignInTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    /// <summary>Pages anyone may open. Every other page, including ones added later, must send visitors to sign in.</summary>
    private static readonly Dictionary<string, HttpStatusCode> Anonymous = new()
    {
        ["/Account/SignIn"] = HttpStatusCode.OK,
        ["/Account/ForgotPassword"] = HttpStatusCode.OK,
        ["/Account/ResetPassword"] = HttpStatusCode.OK, // without a link's values it says the link is not usable
        ["/Account/Invitation"] = HttpStatusCode.OK, // without a link's values it says the invitation cannot be used
        ["/Account/SignInCode"] = HttpStatusCode.Redirect, // without a right password first: back to signing in
        ["/Account/SingleSignOn"] = HttpStatusCode.NotFound, // single sign-on is off here (SingleSignOnTests: on)
        ["/Setup"] = HttpStatusCode.NotFound, // an administrator exists
        ["/Setup/Index"] = HttpStatusCode.NotFound,
        ["/Error"] = HttpStatusCode.OK,
        ["/pulse/stop/not-a-link"] = HttpStatusCode.NotFound, // "Don't ask me again": a made-up link is not found
        ["/Offline"] = HttpStatusCode.OK, // the service worker's page for what the phone keeps: nothing from the server
        ["/sw.js"] = HttpStatusCode.OK,
        ["/pulse/not-a-link"] = HttpStatusCode.NotFound, // the client's page: open to a valid link alone, without an account
        ["/pulse/thanks"] = HttpStatusCode.OK,
        ["/calendar/{token}.ics"] = HttpStatusCode.NotFound, // a person's secret calendar address: this one is made up
        ["/mail/unsubscribe/{token}"] = HttpStatusCode.NotFound, // an email's signed link, without signing in: this one is made up
    };

    private IEnumerable<string> PageUrls() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty)
                .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{token?}", "not-a-link", StringComparison.Ordinal))
            .Distinct();

    [Fact]
    public async Task Every_page_but_sign_in_setup_errors_and_the_clients_pulse_needs_a_signed_in_person()
    {
        var visitor = app.CreateAnonymousClient();
        var urls = PageUrls().ToList();
        urls.Count.ShouldBeGreaterThan(10);

        foreach (var url in urls)
        {
            using var response = await visitor.GetAsync(new Uri(url, UriKind.Relative));
            if (Anonymous.TryGetValue(url, out var expected))
            {
                response.StatusCode.ShouldBe(expected, url);
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
                response.Location().ShouldStartWith("https://localhost/Account/SignIn?ReturnUrl=", customMessage: url);
            }
        }
    }

    [Fact]
    public async Task A_visitor_cannot_post_a_form_and_nothing_is_stored()
    {
        var relationship = await app.AddRelationshipAsync("Guarded Ltd");
        var visitor = app.CreateAnonymousClient();
        var (_, fields) = await visitor.ReadFormAsync("/Account/SignIn");
        fields["AssessmentId"] = Guid.NewGuid().ToString();
        fields["Input.MeetingDate"] = "2026-11-20";
        fields["Input.Kind"] = "Call";
        fields["Input.Credibility"] = fields["Input.Reliability"] = fields["Input.Intimacy"] = fields["Input.SelfOrientation"] = "5";

        var response = await visitor.PostFormAsync($"/Relationships/Score/{relationship.Id}", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldStartWith("https://localhost/Account/SignIn");
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Without_demo_mode_no_demo_accounts_are_shown()
    {
        var page = await app.CreateAnonymousClient().GetPageAsync("/Account/SignIn");

        page.QuerySelector(".demo-accounts").ShouldBeNull();
        page.QuerySelector("a[href='/Setup']").ShouldBeNull();
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_needs_no_sign_in(string url) =>
        (await app.CreateAnonymousClient().GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task Signing_in_returns_to_the_page_asked_for_and_sets_a_protected_cookie()
    {
        var visitor = app.CreateAnonymousClient();
        var asked = await visitor.GetAsync(new Uri("/Relationships/Create", UriKind.Relative));

        var response = await visitor.SubmitAsync(asked.Location(), new Dictionary<string, string?> { ["Email"] = AppFixture.AdminEmail, ["Password"] = AppFixture.Password });

        response.Location().ShouldBe("/Relationships/Create");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-TrustAdvisor.Session=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        (await visitor.GetAsync(new Uri("/Relationships/Create", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task A_return_address_off_this_site_is_ignored(string returnUrl)
    {
        var visitor = app.CreateAnonymousClient();

        var response = await visitor.SubmitAsync($"/Account/SignIn?ReturnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, string?>
        {
            ["Email"] = AppFixture.AdminEmail,
            ["Password"] = AppFixture.Password,
        });

        response.Location().ShouldBe("/");
    }

    [Theory]
    [InlineData("", "x", "Email", "Enter your email address.")]
    [InlineData("someone@firm.test", "", "Password", "Enter your password.")]
    public async Task Missing_fields_get_a_message(string email, string password, string field, string message)
    {
        var response = await app.CreateAnonymousClient().SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = password });

        (await HtmlForms.ParseAsync(response)).FieldError(field).ShouldBe(message);
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_email_gets_one_message_that_reveals_nothing()
    {
        await app.CreatePersonAsync("wrong.password@firm.test", UserRole.Advisor);
        var visitor = app.CreateAnonymousClient();

        var wrongPassword = await visitor.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = "wrong.password@firm.test", ["Password"] = "not the password" });
        var unknown = await visitor.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = "nobody@firm.test", ["Password"] = "not the password" });

        foreach (var response in new[] { wrongPassword, unknown })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await HtmlForms.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent.Trim().ShouldBe(Web.Pages.Account.SignInModel.Failed);
        }

        (await visitor.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_deactivated_person_cannot_sign_in()
    {
        await app.CreatePersonAsync("left.the.firm@firm.test", UserRole.Advisor, active: false);

        var response = await app.CreateAnonymousClient().SubmitAsync("/Account/SignIn", new Dictionary<string, string?>
        {
            ["Email"] = "left.the.firm@firm.test",
            ["Password"] = AppFixture.Password,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent.Trim().ShouldBe(Web.Pages.Account.SignInModel.Failed);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await app.CreateClientAsync();
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await client.SubmitAsync("/Account/SignOut", new Dictionary<string, string?>(), "main form");

        response.Location().ShouldBe("/Account/SignIn");
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Signing_out_needs_the_anti_forgery_token()
    {
        var client = await app.CreateClientAsync();

        var response = await client.SubmitAsync("/Account/SignOut", new Dictionary<string, string?> { [HtmlForms.Token] = null }, "main form");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
