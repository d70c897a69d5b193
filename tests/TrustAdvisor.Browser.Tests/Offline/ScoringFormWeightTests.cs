using TrustAdvisor.Browser.Tests.Infrastructure;

namespace TrustAdvisor.Browser.Tests.Offline;

/// <summary>
/// A phone's first visit to a scoring form costs what it downloads: the page, its styles and scripts, and the service
/// worker it installs with the shell that worker keeps. Counted as sent over the network, headers included.
/// </summary>
[Collection(BrowserGroup.Name)]
public class ScoringFormWeightTests(BrowserApp app, ITestOutputHelper output)
{
    private const int BudgetBytes = 150 * 1024;

    [Theory]
    [MemberData(nameof(Device.Both), MemberType = typeof(Device))]
    public async Task The_scoring_forms_first_visit_with_its_service_worker_is_150_KB_or_less(string deviceName)
    {
        var device = Device.Named(deviceName);
        // A session from another browser (closed before counting, with everything its own worker was fetching).
        string? form;
        IReadOnlyList<Microsoft.Playwright.BrowserContextCookiesResult> cookies;
        await using (var signedIn = await app.VisitAsync(device, "first-visit-sign-in", throughNetwork: true))
        {
            await signedIn.SignInAsync(People.Advisor);
            form = await (await signedIn.FirstScoreButtonAsync()).Link.GetAttributeAsync("href");
            cookies = await signedIn.Context.CookiesAsync();
        }

        await using var visit = await app.VisitAsync(device, "first-visit", throughNetwork: true);
        await visit.RunAsync(async v =>
        {
            await v.Context.AddCookiesAsync(cookies.Select(c => new Microsoft.Playwright.Cookie
            {
                Name = c.Name,
                Value = c.Value,
                Domain = c.Domain,
                Path = c.Path,
                HttpOnly = c.HttpOnly,
                Secure = c.Secure,
                SameSite = c.SameSite,
            }));
            var before = app.Network.BytesToBrowser;

            await v.GoToAsync(form!);
            // The worker is active once its shell is kept: the first visit is then complete.
            await v.Page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
            (await v.Page.EvaluateAsync<int>("async () => (await (await caches.open((await caches.keys()).find(k => k.startsWith('shell-')))).keys()).length"))
                .ShouldBe(8, "the shell: styles, scripts, manifest, icons and the offline page");

            var sent = app.Network.BytesToBrowser - before;
            output.WriteLine($"{device}: the scoring form's first visit, service worker included: {sent / 1024.0:0.0} KB");
            sent.ShouldBeLessThanOrEqualTo(BudgetBytes, $"the first visit took {sent / 1024.0:0.0} KB");
            sent.ShouldBeGreaterThan(10 * 1024, "the count covers the page and its files");
        });
    }
}
