using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Security;

public class KeyStorageTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_session_stays_signed_in_on_another_instance_and_after_a_restart()
    {
        var signIn = await app.CreateAnonymousClient().SubmitAsync(
            "/Account/SignIn", new Dictionary<string, string?> { ["Email"] = AppFixture.AdminEmail, ["Password"] = AppFixture.Password });
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-TrustAdvisor.Session=", StringComparison.Ordinal)).Split(';')[0];

        await using var other = new TrustAdvisorFactory(app.Provider, app.ConnectionString, demoData: false, app.Clock);
        var client = other.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = TrustAdvisorFactory.Https, AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Account/Password", UriKind.Relative));
        request.Headers.Add("Cookie", session);
        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBeGreaterThan(0);
    }
}
