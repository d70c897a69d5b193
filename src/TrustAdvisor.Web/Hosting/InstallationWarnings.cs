using MailKit.Security;
using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Hosting;

/// <summary>Says at start, as a warning, which settings leave an installation open to outsiders or eavesdroppers.</summary>
internal static partial class InstallationWarnings
{
    public static void LogInstallationWarnings(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var mail = app.Services.GetRequiredService<IOptions<MailOptions>>().Value;
        if (mail.UsesSmtp && mail.SocketOptions == SecureSocketOptions.None)
        {
            LogPlainSmtp(app.Logger, mail.SmtpHost!);
        }

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
        Message = "Mail:Security is None: email to {SmtpHost}, reset links included, travels as plain text")]
    private static partial void LogPlainSmtp(ILogger logger, string smtpHost);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Demo data is on (Database:DemoData=true) in {Environment}: the demo accounts, an administrator among them, have published passwords")]
    private static partial void LogDemoData(ILogger logger, string environment);
}
