using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests.Journeys;

/// <summary>
/// An invited advisor joins by signing in through the firm's provider, on a phone: a real OpenID Connect provider
/// (OpenIddict) on its own port, and an app of this test's own configured for it.
/// </summary>
[Collection(BrowserGroup.Name)]
public class SingleSignOnJourneyTests(BrowserApp app) : IAsyncLifetime
{
    private TestIdentityProvider? _provider;
    private TrustAdvisorFactory? _app;

    public async ValueTask InitializeAsync()
    {
        _provider = await TestIdentityProvider.StartAsync();
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
        _app = new TrustAdvisorFactory("Postgres", database, demoData: true, new FixedClock(DateTimeOffset.UtcNow), _provider.AppSettings());
        _app.UseKestrel(0);
        _app.StartServer();
        await _provider.RegisterClientAsync(_app.ClientOptions.BaseAddress);
    }

    [Fact]
    public async Task An_invited_advisor_joins_by_signing_in_with_the_firms_account_on_a_phone()
    {
        var email = $"sso.{Guid.NewGuid():N}@demo.trustadvisor.test";
        await using (var scope = _app!.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>();
            var team = await db.Teams.Select(t => t.Id).FirstAsync();
            db.Users.Add(new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = "Sam Sign-On",
                Role = UserRole.Advisor,
                TeamId = team,
                CreatedAt = DateTime.UtcNow,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            });
            await db.SaveChangesAsync();
        }

        await using var visit = await app.VisitAsync(Device.Phone, "single-sign-on", otherApp: _app.ClientOptions.BaseAddress);
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            // Signing in crosses two servers and the app's back-channel call for the tokens: on a loaded machine running
            // every suite at once, that chain of redirects once outlasted the default 15 s wait for a navigation.
            page.SetDefaultNavigationTimeout(60_000);
            await v.GoToAsync("/Account/SignIn");
            await v.SeeAsync("sign-in-with-provider");
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test Provider" }));

            // At the provider: its own sign-in page, then straight back.
            await page.WaitForURLAsync(new Regex($"^{Regex.Escape(_provider!.Authority.ToString())}connect/authorize"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test Provider" })).ToBeVisibleAsync();
            await v.TypeAsync(page.GetByLabel("Email", new() { Exact = true }), email);
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in at the provider" }));

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your relationships", Level = 1 })).ToBeVisibleAsync();
            new Uri(page.Url).Port.ShouldBe(_app.ClientOptions.BaseAddress.Port);
        });

        await using var check = _app.Services.CreateAsyncScope();
        var joined = await check.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>().Users.SingleAsync(u => u.Email == email);
        joined.JoinedAt.ShouldNotBeNull();
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
