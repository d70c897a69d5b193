using System.Globalization;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Browser.Tests.Infrastructure;

/// <summary>
/// An app of a test's own, on a real port over a database of its own with the demo team, mailing through an SMTP
/// server of its own (the shared <see cref="BrowserApp"/> writes its mail to a folder).
/// </summary>
public sealed class AppWithMail : IAsyncDisposable
{
    private AppWithMail(SmtpTestServer smtp, TrustAdvisorFactory app) => (Smtp, App) = (smtp, app);

    public SmtpTestServer Smtp { get; }
    public TrustAdvisorFactory App { get; }
    public Uri Address => App.ClientOptions.BaseAddress;

    public static async Task<AppWithMail> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
        var all = new Dictionary<string, string>
        {
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Mail:FromAddress"] = "trust@firm.test",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var app = new TrustAdvisorFactory("Postgres", database, demoData: true, new FixedClock(DateTimeOffset.UtcNow), all);
        app.UseKestrel(0);
        app.StartServer();
        return new AppWithMail(smtp, app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
