using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Hosting;

internal static class Telemetry
{
    /// <summary>The OpenTelemetry SDK's own setting (an environment variable, or any configuration source).</summary>
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Traces and metrics of ASP.NET Core, outgoing HTTP, Npgsql and the .NET runtime, exported over OTLP to the
    /// collector <see cref="EndpointSetting"/> names (OTEL_EXPORTER_OTLP_PROTOCOL and the SDK's other settings apply).
    /// Without an endpoint nothing is registered at all, so nothing listens to the app's activities and nothing is spent.
    /// </summary>
    public static IServiceCollection AddTrustAdvisorTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[EndpointSetting]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("TrustAdvisor"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.EnrichWithHttpRequest = (activity, request) =>
                {
                    activity.SetTag("url.path", request.HttpContext.RequestServices.GetRequiredService<SecretPaths>().Logged(request.Path));
                    activity.SetTag("url.query", null); // a reset link's token travels in it
                })
                .AddHttpClientInstrumentation(options => options.EnrichWithHttpRequestMessage = (activity, request) =>
                {
                    if (request.Options.TryGetValue(CalendarReader.SecretAddress, out var secret) && secret && request.RequestUri is { } address)
                    {
                        activity.SetTag("url.full", $"{address.Scheme}://{address.Authority}/…"); // a calendar's path is its secret
                    }
                })
                .AddNpgsql())
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter("Npgsql"))
            .UseOtlpExporter();
        return services;
    }
}
