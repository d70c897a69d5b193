using Microsoft.AspNetCore.Mvc.Testing;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Security;

public class SecurityHeadersTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    public static TheoryData<string> Addresses => new()
    {
        "/Account/SignIn",
        "/health/live",
        "/no/such/page",
        "/favicon.ico",
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Every_response_carries_the_security_headers(string address)
    {
        var response = await app.CreateAnonymousClient().GetAsync(new Uri(address, UriKind.Relative));

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse(); // plain HTTP: HSTS would be ignored
    }

    [Fact]
    public async Task Signed_in_pages_with_charts_carry_them_too_and_have_no_inline_script()
    {
        var relationship = await app.AddRelationshipAsync("Headers & Co");
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-3), new Domain.Trust.TrustFactors(6, 6, 6, 3));
        var client = await app.CreateClientAsync();

        var response = await client.GetAsync(new Uri($"/Relationships/Details/{relationship.Id}", UriKind.Relative));

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(Web.Security.SecurityHeaders.ContentSecurityPolicy);
        var page = await HtmlForms.ParseAsync(response);
        page.QuerySelectorAll("script:not([src])").ShouldAllBe(s => s.GetAttribute("type") == "application/json");
        page.QuerySelectorAll("[style]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Over_https_browsers_are_told_to_stay_on_https()
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://trustadvisor.test"), AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));

        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000; includeSubDomains");
    }
}
