using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Security;

/// <summary>
/// Behind nginx every connection comes from the proxy; the visitor's address is in X-Forwarded-For. The test server
/// has no connection address of its own, which the forwarded-headers middleware treats as a trusted first hop.
/// </summary>
public class ReverseProxyTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Behind_a_proxy_the_sign_in_limit_counts_each_visitor_and_the_audit_log_records_their_address()
    {
        var wrong = new Dictionary<string, string?> { ["Email"] = AppFixture.AdminEmail, ["Password"] = "not the password" };
        var first = app.CreateAnonymousClientFrom("203.0.113.7");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            (await first.SubmitAsync("/Account/SignIn", wrong)).StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt}");
        }

        (await first.SubmitAsync("/Account/SignIn", wrong)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        var second = app.CreateAnonymousClientFrom("198.51.100.23");
        var signedIn = await second.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = AppFixture.AdminEmail, ["Password"] = AppFixture.Password });

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var addresses = await app.QueryAsync(db => db.AuditEvents.Select(e => e.Address).Distinct().ToListAsync());
        addresses.ShouldContain("203.0.113.7");
        addresses.ShouldContain("198.51.100.23");
    }

    [Fact]
    public async Task Only_the_proxy_s_own_hop_is_believed_so_a_visitor_cannot_pose_as_another_address()
    {
        var spoofing = app.CreateAnonymousClientFrom("192.0.2.200, 203.0.113.99");

        await spoofing.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = "nobody@tests.trustadvisor.test", ["Password"] = "not the password" });

        var addresses = await app.QueryAsync(db => db.AuditEvents.Select(e => e.Address).Distinct().ToListAsync());
        addresses.ShouldContain("203.0.113.99");
        addresses.ShouldNotContain("192.0.2.200");
    }

    [Fact]
    public void A_trusted_proxy_setting_that_is_not_an_address_stops_the_app_at_start_with_a_message()
    {
        using var factory = new TrustAdvisorFactory(app.Provider, app.ConnectionString, demoData: false, app.Clock,
            new Dictionary<string, string> { ["ReverseProxy:TrustedProxies:0"] = "nginx.internal" });

        var failure = Should.Throw<InvalidOperationException>(() => factory.CreateClient());

        failure.Message.ShouldContain("'nginx.internal', which is not an IP address");
    }
}
