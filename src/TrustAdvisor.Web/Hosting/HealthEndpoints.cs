using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace TrustAdvisor.Web.Hosting;

internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";
    public const string ProbeArgument = "--health-check";

    /// <summary>/health/live: the process answers. /health/ready: and it can reach its database.</summary>
    public static void MapTrustAdvisorHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
    }

    /// <summary>
    /// For a container's health check, where the image has no curl: `dotnet TrustAdvisor.Web.dll --health-check`
    /// asks the running app's /health/ready on this machine (the port in ASPNETCORE_HTTP_PORTS, as the image sets it)
    /// and answers 0 when it is ready, 1 otherwise.
    /// </summary>
    public static async Task<int> ProbeAsync()
    {
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split([';', ','])[0];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
