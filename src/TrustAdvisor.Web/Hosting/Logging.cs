using Serilog;

namespace TrustAdvisor.Web.Hosting;

internal static class Logging
{
    /// <summary>Serilog, configured from the "Serilog" section (console by default; a file sink can be added there).</summary>
    public static void AddTrustAdvisorLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .CreateLogger();
        builder.Logging.ClearProviders().AddSerilog(logger, dispose: true);
    }
}
