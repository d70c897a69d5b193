using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Tests.Infrastructure;
using TrustAdvisor.Web.Tests.Pages.Account;

namespace TrustAdvisor.Web.Tests.Security;

/// <summary>
/// Outside Development the app may sit behind a TLS proxy it does not know: its cookies are Secure and __Host- whatever
/// the request looked like, HSTS is sent, and plain HTTP is redirected only where configured.
/// </summary>
public class TransportTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static HttpClient PlainHttp(WebApplicationFactory<Program> factory, string host = "trust.example.test") =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}/"), AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task Over_plain_http_from_an_unlisted_proxy_the_cookies_are_still_secure_and_host_prefixed()
    {
        var client = PlainHttp(app.Factory);

        var forms = (await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative))).Headers.GetValues("Set-Cookie").ToList();

        forms.ShouldContain(c => c.StartsWith("__Host-TrustAdvisor.Antiforgery=", StringComparison.Ordinal));
        forms.ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase) && c.Contains("; path=/", StringComparison.OrdinalIgnoreCase)
            && c.Contains("; httponly", StringComparison.OrdinalIgnoreCase));
        forms.ShouldAllBe(c => !c.Contains("domain=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_session_cookie_is_host_prefixed_secure_and_lax()
    {
        var visitor = app.CreateAnonymousClient();

        var response = await visitor.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = AppFixture.AdminEmail, ["Password"] = AppFixture.Password });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-TrustAdvisor.Session=", StringComparison.Ordinal));
        cookie.ShouldContain("; secure", Case.Insensitive);
        cookie.ShouldContain("; path=/", Case.Insensitive);
        cookie.ShouldContain("; samesite=lax", Case.Insensitive);
        cookie.ShouldContain("; httponly", Case.Insensitive);
        (await visitor.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Hsts_is_sent_even_when_the_request_looked_like_plain_http_but_not_on_loopback()
    {
        (await PlainHttp(app.Factory).GetAsync(new Uri("/Account/SignIn", UriKind.Relative))).Headers
            .GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000; includeSubDomains");
        (await PlainHttp(app.Factory, "localhost").GetAsync(new Uri("/Account/SignIn", UriKind.Relative))).Headers
            .Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task Plain_http_is_served_unless_a_redirect_is_configured()
    {
        (await PlainHttp(app.Factory).GetAsync(new Uri("/Account/SignIn", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var redirecting = app.Factory.WithWebHostBuilder(host => host.UseSetting("Security:RedirectToHttps", "true"));

        var response = await PlainHttp(redirecting).GetAsync(new Uri("/Account/SignIn", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        response.Headers.Location!.ToString().ShouldStartWith("https://trust.example.test/Account/SignIn");
    }

    [Fact]
    public async Task In_development_the_cookies_follow_the_request_as_dotnet_run_serves_http_localhost()
    {
        await using var development = new TrustAdvisorFactory(app.Provider, app.ConnectionString, demoData: false, app.Clock) { EnvironmentName = "Development" };

        var forms = (await PlainHttp(development, "localhost").GetAsync(new Uri("/Account/SignIn", UriKind.Relative))).Headers.GetValues("Set-Cookie").ToList();

        forms.ShouldContain(c => c.StartsWith("TrustAdvisor.Antiforgery=", StringComparison.Ordinal));
        forms.ShouldAllBe(c => !c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>A real SMTP server without TLS, and the app's mail settings left at their defaults apart from the server.</summary>
public sealed class PlainSmtpApp : MailApp
{
    public override IReadOnlyDictionary<string, string> MailSettings => new Dictionary<string, string>(base.MailSettings.Where(s => s.Key != "Mail:Security"));
}

public class SmtpTlsTests(PlainSmtpApp app) : IClassFixture<PlainSmtpApp>
{
    [Fact]
    public async Task Mail_is_not_sent_in_plain_text_to_a_server_without_tls_unless_none_is_set()
    {
        var person = await app.CreatePersonAsync($"tls.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);

        await ForgotPasswordTests.AskAsync(app.CreateAnonymousClient(), person.Email!);
        var attempted = await app.AttemptedAsync(person.Email!);

        attempted.Status.ShouldNotBe(OutboxStatus.Sent);
        attempted.LastError.ShouldNotBeNull().ShouldContain("STARTTLS", Case.Insensitive);
        app.Smtp.To(person.Email!).ShouldBeEmpty();
    }

    [Fact]
    public void Plain_text_asked_for_explicitly_is_warned_about_at_start_and_a_silent_fallback_is_refused()
    {
        using var plain = new TrustAdvisorFactory(app.Provider, app.ConnectionString, demoData: false, app.Clock,
            new Dictionary<string, string>(app.MailSettings) { ["Mail:Security"] = "None" });
        _ = plain.Server;
        plain.Logs.Lines.ShouldContain(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Mail:Security is None", StringComparison.Ordinal));

        using var fallback = new TrustAdvisorFactory(app.Provider, app.ConnectionString, demoData: false, app.Clock,
            new Dictionary<string, string>(app.MailSettings) { ["Mail:Security"] = "StartTlsWhenAvailable" });
        Should.Throw<Exception>(() => fallback.Server).ToString().ShouldContain("Mail:Security must be Auto, SslOnConnect, StartTls or None");
    }
}
