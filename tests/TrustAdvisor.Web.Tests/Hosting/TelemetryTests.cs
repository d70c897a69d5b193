using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Hosting;

/// <summary>With a collector configured, a request's trace reaches down to the statements it sent to PostgreSQL.</summary>
public class TelemetryTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_scoring_post_is_a_server_span_with_its_database_calls_as_children()
    {
        var spans = new List<Activity>();
        // Nothing listens on port 9: the OTLP exporter's sends fail quietly; the in-memory one keeps every span.
        await using var factory = app.Factory.WithWebHostBuilder(host =>
        {
            host.UseSetting(Web.Hosting.Telemetry.EndpointSetting, "http://127.0.0.1:9");
            host.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        });
        var relationship = await app.AddRelationshipAsync();
        var client = factory.CreateClient(TrustAdvisorFactory.BrowserLike());
        (await client.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = AppFixture.AdminEmail, ["Password"] = AppFixture.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await client.SubmitAsync($"/Relationships/Score/{relationship.Id}", new Dictionary<string, string?>
        {
            ["Input.Credibility"] = "7",
            ["Input.Reliability"] = "8",
            ["Input.Intimacy"] = "6",
            ["Input.SelfOrientation"] = "3",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush().ShouldBeTrue();

        Activity[] captured;
        lock (spans)
        {
            captured = [.. spans];
        }

        // Activity sources are process-wide: other tests' requests are in the list too.
        var post = captured.Single(s => s.Kind == ActivityKind.Server && s.DisplayName == "POST Relationships/Score/{id:guid}"
            && (s.GetTagItem("url.path") as string) == $"/Relationships/Score/{relationship.Id}");
        var database = captured.Where(s => s.Source.Name == "Npgsql" && s.ParentSpanId == post.SpanId).ToList();
        database.ShouldNotBeEmpty("the post's own statements are its children");
        database.Select(s => (s.GetTagItem("db.query.text") ?? s.GetTagItem("db.statement")) as string)
            .ShouldContain(sql => sql != null && sql.Contains("INSERT INTO assessments", StringComparison.Ordinal), "the insert of the assessment");
        database.ShouldAllBe(s => s.TraceId == post.TraceId);
    }
}
