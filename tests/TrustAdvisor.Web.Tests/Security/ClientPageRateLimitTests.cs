using System.Net;

namespace TrustAdvisor.Web.Tests.Security;

/// <summary>The app with three requests a minute per address to the client's pages (the default is thirty).</summary>
public sealed class ClientPagesLimitedApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string>? Settings =>
        new Dictionary<string, string> { ["Pulse:RequestsPerMinute"] = "3" };
}

public class ClientPageRateLimitTests(ClientPagesLimitedApp app) : IClassFixture<ClientPagesLimitedApp>
{
    [Fact]
    public async Task Guessing_links_from_one_address_is_refused_after_the_limit_and_the_app_stays_open()
    {
        var visitor = app.CreateAnonymousClient();

        for (var guess = 1; guess <= 3; guess++)
        {
            (await visitor.GetAsync(new Uri($"/pulse/guess-{guess}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"guess {guess}");
        }

        (await visitor.GetAsync(new Uri("/pulse/guess-4", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await visitor.GetAsync(new Uri("/pulse/thanks", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await visitor.GetAsync(new Uri("/Account/SignIn", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
