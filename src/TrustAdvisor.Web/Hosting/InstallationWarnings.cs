using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Hosting;

/// <summary>Says at start, as a warning, which settings leave an installation outside Development open to outsiders.</summary>
internal static partial class InstallationWarnings
{
    public static void LogInstallationWarnings(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsDevelopment())
        {
            return;
        }

        if (app.Services.GetRequiredService<DatabaseOptions>().DemoData)
        {
            LogDemoData(app.Logger, app.Environment.EnvironmentName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Demo data is on (Database:DemoData=true) in {Environment}: the demo accounts, an administrator among them, have published passwords")]
    private static partial void LogDemoData(ILogger logger, string environment);
}
