using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Security;

/// <summary>
/// Every address that carries a secret (a client's link, a calendar feed, an unsubscribe link, a reset link) stays out
/// of the request log and the traces, with every log level turned up as far as an operator could.
/// </summary>
public class SecretPathsTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private sealed class Recorded(WebApplicationFactory<Program> factory, CapturedLogs logs, List<Activity> spans)
    {
        public WebApplicationFactory<Program> Factory => factory;

        public HttpClient Client() => factory.CreateClient(TrustAdvisorFactory.BrowserLike());

        public (List<string> Lines, Activity[] Spans) Read()
        {
            factory.Services.GetRequiredService<TracerProvider>().ForceFlush().ShouldBeTrue();
            lock (spans)
            {
                return (logs.Lines.ToList(), [.. spans]);
            }
        }

        public void ShouldNotHaveKept(string secret)
        {
            var (lines, captured) = Read();
            lines.ShouldNotContain(l => l.Contains(secret, StringComparison.Ordinal), string.Join("\n", lines.Where(l => l.Contains(secret, StringComparison.Ordinal))));
            captured.SelectMany(s => s.TagObjects).ShouldNotContain(t => (t.Value as string ?? string.Empty).Contains(secret, StringComparison.Ordinal));
            captured.ShouldNotContain(s => s.DisplayName.Contains(secret, StringComparison.Ordinal));
        }
    }

    private Recorded Record()
    {
        var logs = new CapturedLogs();
        var spans = new List<Activity>();
        var factory = app.Factory.WithWebHostBuilder(host =>
        {
            // Every line, ASP.NET Core's own included (the tests' own setting keeps only warnings).
            host.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
            host.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Verbose");
            host.ConfigureLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
            host.UseSetting(Web.Hosting.Telemetry.EndpointSetting, "http://127.0.0.1:9");
            host.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        });
        return new Recorded(factory, logs, spans);
    }

    [Fact]
    public async Task A_clients_link_is_left_out_opened_or_answered()
    {
        var recorded = Record();
        await using var _ = recorded.Factory;
        var relationship = await app.AddRelationshipAsync("Secret Link Ltd");
        var advisor = recorded.Client();
        (await advisor.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = AppFixture.AdminEmail, ["Password"] = AppFixture.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = await advisor.AskAsync(relationship.Id);

        var client = recorded.Client();
        (await client.SubmitAsync(link, ClientPulses.Answers(), "form.pulse-form")).Location().ShouldBe("/pulse/thanks");
        (await client.GetAsync(new Uri("/pulse/thanks", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (lines, spans) = recorded.Read();
        lines.ShouldContain(l => l.Contains("GET /pulse/(secret) responded 200", StringComparison.Ordinal), string.Join("\n", lines));
        lines.ShouldContain(l => l.Contains("POST /pulse/(secret) responded 302", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("GET /pulse/thanks responded 200", StringComparison.Ordinal)); // not a secret
        spans.Where(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("pulse", StringComparison.Ordinal))
            .Select(s => s.GetTagItem("url.path")).ShouldContain("/pulse/(secret)");
        recorded.ShouldNotHaveKept(link.Split('/')[^1]);
    }

    [Fact]
    public async Task A_calendar_address_is_left_out()
    {
        var recorded = Record();
        await using var _ = recorded.Factory;
        var person = recorded.Client();
        await person.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = AppFixture.AdminEmail, ["Password"] = AppFixture.Password });
        var address = new Uri((await person.GetPageAsync("/Account/Settings")).GetElementById("calendar-address")!.GetAttribute("value")!);

        (await recorded.Client().GetAsync(new Uri(address.PathAndQuery, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        recorded.Read().Lines.ShouldContain(l => l.Contains("GET /calendar/(secret) responded 200", StringComparison.Ordinal));
        recorded.ShouldNotHaveKept(address.Segments[^1].Replace(".ics", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/mail/unsubscribe/", "CfDJ8SecretUnsubscribeTokenThatMustNotBeLogged", "")]
    [InlineData("/Account/ResetPassword?Id=01a24d74-556a-7429-9e00-264cb660e413&Token=", "CfDJ8SecretResetTokenThatMustNotBeLogged", "")]
    [InlineData("/calendar/", "CfDJ8SecretMadeUpCalendarToken", ".ics")]
    public async Task Other_secret_addresses_are_left_out_too(string before, string secret, string after)
    {
        var recorded = Record();
        await using var _ = recorded.Factory;

        using var response = await recorded.Client().GetAsync(new Uri(before + secret + after, UriKind.Relative));

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.NotFound);
        recorded.ShouldNotHaveKept(secret);
    }
}
