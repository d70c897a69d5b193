using System.Net;

namespace TrustAdvisor.Web.Tests;

public class HealthTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string url)
    {
        var response = await (await app.CreateClientAsync()).GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }
}
