using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Security;

/// <summary>A client's link answers the pulse: it stays out of the request log and out of traces, opened or answered.</summary>
public class ClientLinkSecrecyTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task The_link_is_left_out_of_the_request_log_and_the_traces()
    {
        var logs = new CapturedLogs();
        var spans = new List<Activity>();
        await using var factory = app.Factory.WithWebHostBuilder(host =>
        {
            // Every request's line, as in production (the tests' own setting keeps only warnings).
            host.UseSetting("Serilog:MinimumLevel:Default", "Information");
            host.ConfigureLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Information));
            host.UseSetting(Web.Hosting.Telemetry.EndpointSetting, "http://127.0.0.1:9");
            host.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        });
        var relationship = await app.AddRelationshipAsync("Secret Link Ltd");
        var advisor = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await advisor.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = AppFixture.AdminEmail, ["Password"] = AppFixture.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = await advisor.AskAsync(relationship.Id);
        var secret = link.Split('.')[^1];

        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.SubmitAsync(link, ClientPulses.Answers(), "form.pulse-form")).Location().ShouldBe("/pulse/thanks");
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush().ShouldBeTrue();

        var lines = logs.Lines.ToList();
        lines.ShouldContain(l => l.Contains("GET /pulse/(link) responded 200", StringComparison.Ordinal), string.Join("\n", lines));
        lines.ShouldContain(l => l.Contains("POST /pulse/(link) responded 302", StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.Contains(secret, StringComparison.Ordinal));
        Activity[] captured;
        lock (spans)
        {
            captured = [.. spans];
        }

        captured.Where(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("pulse", StringComparison.Ordinal))
            .Select(s => s.GetTagItem("url.path")).ShouldContain("/pulse/(link)");
        captured.SelectMany(s => s.TagObjects).ShouldNotContain(t => (t.Value as string ?? string.Empty).Contains(secret, StringComparison.Ordinal));
    }
}
