using System.Security.Claims;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Hosting;

internal static class Logging
{
    private const string ReadableTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Serilog for every log line, configured from the "Serilog" section (levels, and any sinks added there). The
    /// console is written through a background queue, so a slow terminal never holds up a request: readable text in
    /// Development, compact JSON elsewhere (one object a line, with the message rendered too, for a log collector and
    /// for grep alike). Other logging providers (a test's, say) receive the same events. The static Log is left alone.
    /// </summary>
    public static void AddTrustAdvisorLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                // ASP.NET Core's own request lines, and its routing and handler diagnostics (Debug, Trace), carry the
                // full address or a handler's arguments, a secret's token included, at whatever level an operator turns
                // on; the app's own request line (below) replaces them (SecretPaths).
                .Filter.ByExcluding(CarriesRequestAddress)
                .WriteTo.Async(sink =>
                {
                    if (development)
                    {
                        sink.Console(outputTemplate: ReadableTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        sink.Console(new RenderedCompactJsonFormatter());
                    }
                }),
            preserveStaticLogger: true,
            writeToProviders: true);
    }

    private static readonly Func<LogEvent, bool> FromHostingDiagnostics = Serilog.Filters.Matching.FromSource("Microsoft.AspNetCore.Hosting.Diagnostics");
    private static readonly Func<LogEvent, bool> FromAspNetCore = Serilog.Filters.Matching.FromSource("Microsoft.AspNetCore");

    private static bool CarriesRequestAddress(LogEvent e) =>
        FromHostingDiagnostics(e) || (e.Level < LogEventLevel.Information && FromAspNetCore(e));

    /// <summary>
    /// One line per request, written when it ends: the status the person got, the time it took, the reference an
    /// error page shows (the request id), the route it matched and the signed-in person's id (never their email).
    /// </summary>
    public static void UseTrustAdvisorRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static one: several hosts in one process (the tests) would share that.
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate =
                "HTTP {RequestMethod:l} {RequestPath:l} responded {StatusCode} in {Elapsed:0.0} ms ({RequestId:l}; route {Route:l}; person {UserId:l})";
            // The default properties, with any secret left out of the path (SecretPaths).
            var secrets = app.ApplicationServices.GetRequiredService<SecretPaths>();
            options.GetMessageTemplateProperties = (http, _, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(secrets.Logged(http.Request.Path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("RequestId", http.TraceIdentifier);
                diagnostics.Set("Route", (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "none");
                diagnostics.Set("UserId", http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous");
            };
        });
}
