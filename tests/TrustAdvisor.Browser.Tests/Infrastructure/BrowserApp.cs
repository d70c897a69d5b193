using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Browser.Tests.Infrastructure;

/// <summary>
/// The real app on a Kestrel port on loopback, over a PostgreSQL database of its own with the demo team, and one
/// headless Debian Chromium; shared by every browser test (each test opens its own browser context).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private TrustAdvisorFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri Address { get; private set; } = null!;

    /// <summary>The app through a network a test can cut (<see cref="Visit.GoOfflineAsync"/>).</summary>
    public Network Network { get; private set; } = null!;

    /// <summary>Today, as the app sees it: the clock stands still at the time the fixture started.</summary>
    public FixedClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public async ValueTask InitializeAsync()
    {
        if (Directory.Exists(Visit.ScreenshotFolder))
        {
            Directory.Delete(Visit.ScreenshotFolder, recursive: true); // this run's screens only
        }

        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
        _factory = new TrustAdvisorFactory("Postgres", connectionString, demoData: true, Clock);
        _factory.UseKestrel(0);
        _factory.StartServer();
        Address = _factory.ClientOptions.BaseAddress;
        Network = new Network(Address);
        await DemoCalendarReadAsync();

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests drive Debian's Chromium at {ChromiumPath}: apt-get install chromium.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>The demo advisor's calendar (served by the app itself) read once, so that every test sees the same home page.</summary>
    private async Task DemoCalendarReadAsync()
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await QueryAsync(db => db.CalendarConnections.AnyAsync(c => c.LastReadAt != null)))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The demo advisor's calendar was not read within half a minute of the start.");
    }

    /// <summary>
    /// A new person at a new browser: own cookies, the device's screen and input; at <paramref name="otherApp"/> when a
    /// test runs an app of its own (configured differently).
    /// </summary>
    public async Task<Visit> VisitAsync(
        Device device, string journey, bool javaScript = true, ColorScheme colorScheme = ColorScheme.Light, bool throughNetwork = false,
        Uri? otherApp = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (otherApp ?? (throughNetwork ? Network.Address : Address)).ToString(),
            ViewportSize = new ViewportSize { Width = device.Width, Height = device.Height },
            DeviceScaleFactor = device.IsPhone ? 3 : 1,
            IsMobile = device.IsPhone,
            HasTouch = device.IsPhone,
            Locale = "en-GB",
            JavaScriptEnabled = javaScript,
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(15_000);
        return new Visit(context, await context.NewPageAsync(), device, journey, javaScript, throughNetwork ? Network : null);
    }

    public async Task<T> QueryAsync<T>(Func<TrustAdvisorDbContext, Task<T>> query)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>());
    }

    /// <summary>Runs <paramref name="work"/> with the app's services, as a change made elsewhere meanwhile.</summary>
    public async Task WithServicesAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>Changes a setting of the running app, as a new release deployed would.</summary>
    public void ChangeSetting(string key, string value) => _factory!.Services.GetRequiredService<IConfiguration>()[key] = value;

    public Task<int> CountAssessmentsAsync(string clientOrganisation) => QueryAsync(db =>
        db.Assessments.IgnoreQueryFilters().CountAsync(a => db.Relationships.IgnoreQueryFilters()
            .Any(r => r.Id == a.RelationshipId && r.Contact.Organisation.Name == clientOrganisation)));

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Network is not null)
        {
            await Network.DisposeAsync();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserApp>
{
    public const string Name = "A browser and the app on a real port";
}
