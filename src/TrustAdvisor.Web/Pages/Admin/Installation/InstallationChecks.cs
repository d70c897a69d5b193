using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Formatting;
using TrustAdvisor.Web.Hosting;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Admin.Installation;

public enum CheckStatus
{
    /// <summary>As a real installation should be.</summary>
    Ok,

    /// <summary>Something an outsider could use, or that people will miss: the line says how to fix it.</summary>
    Fix,

    /// <summary>Not the app's to check: the line says what the operator must see to.</summary>
    Yours,
}

public sealed record Check(string Name, CheckStatus Status, string Says, string? HowToFix = null);

/// <summary>What an installation outside a trial should look like, line by line, read from its settings and database.</summary>
public sealed class InstallationChecks(
    TrustAdvisorDbContext db, DatabaseOptions database, IOptions<MailOptions> mail, IOptions<SessionLimits> sessions, IConfiguration configuration,
    IHostEnvironment environment, IOptions<Security.SingleSignOn.SingleSignOnOptions> singleSignOn)
{
    public async Task<IReadOnlyList<Check>> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var activeDemo = await db.Users.CountAsync(u => u.IsDemo && u.IsActive, cancellationToken);
        var administrators = await db.Users.CountAsync(u => u.Role == UserRole.Administrator && u.IsActive, cancellationToken);
        var m = mail.Value;
        var s = sessions.Value;
        var allowedHosts = configuration["AllowedHosts"];
        return
        [
            activeDemo == 0 && !database.DemoData
                ? new("Demo data", CheckStatus.Ok, "No demo account can sign in.")
                : new("Demo data", CheckStatus.Fix, $"{activeDemo} demo accounts with published passwords can sign in" + (database.DemoData ? " and demo data is on." : "."),
                    "Set Database__DemoData=false and restart (the demo accounts are then deactivated), and remove the demo team on Teams."),
            new("First administrator", CheckStatus.Ok, $"Set up: {administrators} active {(administrators == 1 ? "administrator" : "administrators")}; the setup page is gone."),
            m.PublicUrl is { Scheme: "https" } publicUrl
                ? new("Public address", CheckStatus.Ok, $"Links in emails point at {publicUrl}.")
                : new("Public address", CheckStatus.Fix, m.PublicUrl is null ? $"Not set: links in emails and the calendar address point at {Hosting.PublicAddress.LocalDefault}." : $"{m.PublicUrl} is not HTTPS.",
                    "Set Mail__PublicUrl to the HTTPS address people open TrustAdvisor at, e.g. https://trust.example.com/."),
            request.IsHttps
                ? new("HTTPS", CheckStatus.Ok, "This page came over HTTPS, as the app sees it.")
                : new("HTTPS", CheckStatus.Fix, "This page came over plain HTTP, as the app sees it.",
                    "Serve TrustAdvisor over HTTPS only: end TLS at a reverse proxy and list it in ReverseProxy__TrustedProxies__0 so its X-Forwarded-Proto is believed."),
            !m.UsesSmtp
                ? new("Email", CheckStatus.Fix, "No mail server: messages are written as .eml files on the server, so reset links and reminders reach nobody.",
                    "Set Mail__SmtpHost (and Mail__UserName, Mail__Password, Mail__FromAddress).")
                : m.SocketOptions == MailKit.Security.SecureSocketOptions.None
                    ? new("Email", CheckStatus.Fix, $"Mail to {m.SmtpHost} travels as plain text (Mail__Security=None).", "Use Mail__Security=Auto, StartTls or SslOnConnect.")
                    : new("Email", CheckStatus.Ok, $"Mail goes to {m.SmtpHost} over TLS ({m.Security})."),
            string.IsNullOrEmpty(configuration[KeyStorage.CertificatePathSetting])
                ? new("Keys at rest", CheckStatus.Fix, "The keys that protect sessions and reset links are stored in the database unencrypted.",
                    "Set DataProtection__Certificate__Path (a .pfx) and DataProtection__Certificate__Password on every instance.")
                : new("Keys at rest", CheckStatus.Ok, "The session and link keys are encrypted with a certificate."),
            s.IdleTimeout <= TimeSpan.FromHours(1) && s.AbsoluteLifetime <= TimeSpan.FromHours(24)
                ? new("Sessions", CheckStatus.Ok, $"Sessions end after {Display.Duration(s.IdleTimeout)} idle and at most {Display.Duration(s.AbsoluteLifetime)} after signing in.")
                : new("Sessions", CheckStatus.Fix, $"Sessions last up to {Display.Duration(s.IdleTimeout)} idle and {Display.Duration(s.AbsoluteLifetime)} in all.",
                    "Set Sessions__IdleTimeout (30 minutes or less) and Sessions__AbsoluteLifetime (a working day)."),
            allowedHosts is null or "*"
                ? new("Host names", CheckStatus.Fix, "The app answers to any Host header.", "Set AllowedHosts to the host names people use, e.g. trust.example.com.")
                : new("Host names", CheckStatus.Ok, $"The app answers to {allowedHosts} only."),
            database.Provider == DatabaseProvider.Postgres
                ? new("Database", CheckStatus.Ok, "PostgreSQL.")
                : new("Database", CheckStatus.Fix, "The embedded SQLite file, meant for trying TrustAdvisor on one machine.", "Set Database__Provider=Postgres and ConnectionStrings__Postgres."),
            .. SingleSignOnChecks(),
            new("Backups", CheckStatus.Yours, "TrustAdvisor does not back up its database: that is the operator's, with the database's own tools (pg_dump, "
                + "or the managed service's backups), kept encrypted, as they hold client intelligence and the keys table.",
                environment.IsDevelopment() ? "This is a Development installation: nothing here is for real clients." : null),
        ];
    }

    /// <summary>A line only where single sign-on is configured: its provider must be reached over HTTPS.</summary>
    private IEnumerable<Check> SingleSignOnChecks()
    {
        var sso = singleSignOn.Value;
        if (!sso.IsOn)
        {
            yield break;
        }

        yield return sso.RequireHttpsMetadata && sso.Authority!.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? new("Single sign-on", CheckStatus.Ok, $"People sign in with {sso.DisplayName} ({sso.Authority}), reached over HTTPS.")
            : new("Single sign-on", CheckStatus.Fix, $"{sso.DisplayName} ({sso.Authority}) is reached without requiring HTTPS: its keys and answers could be forged on the way.",
                "Use the provider's https:// address in SingleSignOn__Authority and remove SingleSignOn__RequireHttpsMetadata=false.");
    }
}
