using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrustAdvisor.Web.Tests.Infrastructure;

/// <summary>
/// The real app, on the provider and database a fixture gives it, with the clock held still. Demo data as told, or
/// (null) as the environment's own configuration has it.
/// </summary>
public sealed class TrustAdvisorFactory : WebApplicationFactory<Program>
{
    /// <summary>
    /// Where test clients reach the app: over HTTPS, as browsers do in production, because outside Development its
    /// cookies are Secure and .NET's cookie container sends those over HTTPS only.
    /// </summary>
    public static readonly Uri Https = new("https://localhost/");

    private readonly string _provider;
    private readonly string _connectionString;
    private readonly bool? _demoData;
    private readonly FixedClock _clock;
    private readonly IReadOnlyDictionary<string, string>? _settings;

    public TrustAdvisorFactory(
        string provider, string connectionString, bool? demoData, FixedClock clock, IReadOnlyDictionary<string, string>? settings = null)
    {
        (_provider, _connectionString, _demoData, _clock, _settings) = (provider, connectionString, demoData, clock, settings);
        ClientOptions.BaseAddress = Https;
    }

    /// <summary>A browser-like client's options: HTTPS, cookies kept, redirects not followed (tests look at them).</summary>
    public static WebApplicationFactoryClientOptions BrowserLike() => new() { BaseAddress = Https, AllowAutoRedirect = false, HandleCookies = true };

    /// <summary>The environment the app runs in: "Testing" (neither Development nor Production) unless a test says.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>What the app logged (warnings and errors), as its operator would read it.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The one-time setup code the app wrote to its log at start, as an operator would copy it.</summary>
    public string SetupCodeFromLog() =>
        Logs.Lines.Select(line => System.Text.RegularExpressions.Regex.Match(line, "one-time setup code [^:]*: \"?([A-Z0-9-]+)"))
            .Last(match => match.Success).Groups[1].Value;

    /// <summary>Where this app writes its mail when no SMTP server is configured.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"trustadvisor-test-mail-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // As in Development (`dotnet run`): a scoped service taken from the root provider fails here, not only there.
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
        // Static files as `dotnet run` serves them (from the build's manifest): outside Development, MapStaticAssets
        // expects a published folder, and the browser tests need the real stylesheet and scripts.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", _provider);
        builder.UseSetting($"ConnectionStrings:{_provider}", _connectionString);
        if (_demoData is { } demo)
        {
            builder.UseSetting("Database:DemoData", demo ? "true" : "false");
        }

        builder.UseSetting("Database:MigrateOnStartup", "true");
        // Tests sign in many times a minute from one address; the rate limit has its own fixture.
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        builder.UseSetting("Pulse:RequestsPerMinute", "10000");
        // Without an SMTP server the app writes .eml files: to a folder of this app's own, never into the source tree.
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        // Reminders are decided when a test asks (ScheduledMailRun), at the time it sets, not by the scheduler meanwhile.
        builder.UseSetting("Mail:ReminderCheckMinutes", "0");
        foreach (var (key, value) in _settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        // Warnings and errors only (a failed request's line is an error), as before Serilog took over.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            // The app's clock only: the scheduler's own (a keyed registration, Quartz's real time) stays as it is.
            foreach (var registration in services.Where(d => d.ServiceType == typeof(TimeProvider) && !d.IsKeyedService).ToList())
            {
                services.Remove(registration);
            }

            services.AddSingleton<TimeProvider>(_clock);
        });
    }

    /// <summary>Stops the app, then removes its mail folder: a test run leaves nothing behind in the temp folder.</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }
}
