using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace TrustAdvisor.Web.Hosting;

internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary>/health/live: the process answers. /health/ready: and it can reach its database.</summary>
    public static void MapTrustAdvisorHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
    }
}
