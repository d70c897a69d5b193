using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests.Journeys;

/// <summary>A manager's review: the team dashboard, another period, and from a slipping relationship to its history.</summary>
[Collection(BrowserGroup.Name)]
public class ManagerJourneyTests(BrowserApp app)
{
    [Theory]
    [MemberData(nameof(Device.Both), MemberType = typeof(Device))]
    public async Task A_manager_opens_the_dashboard_changes_the_period_follows_a_slipping_relationship_and_signs_out(string deviceName)
    {
        await using var visit = await app.VisitAsync(Device.Named(deviceName), "manager");
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            await v.SignInAsync(People.Manager);
            await v.SeeAsync("home");

            await v.TapAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Team dashboard" }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Slipping relationships" })).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Period", new() { Exact = true })).ToHaveValueAsync("quarter");
            var quarter = await page.Locator(".period-summary").TextContentAsync();
            await v.SeeAsync("dashboard-quarter");

            if (v.Device.IsPhone)
            {
                await v.TapAsync(page.Locator("details.filters-fold > summary")); // a phone folds the filters
            }

            await page.GetByLabel("Period", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Last year" });
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }));
            await Expect(page.GetByLabel("Period", new() { Exact = true })).ToHaveValueAsync("year");
            await Expect(page.Locator(".period-summary")).Not.ToHaveTextAsync(quarter!);
            await Expect(page.Locator("details.filters-fold > summary")).ToContainTextAsync("Last year");
            await v.SeeAsync("dashboard-year");

            var slipping = page.GetByRole(AriaRole.Region, new() { Name = "Slipping relationships" }).Locator("tbody").GetByRole(AriaRole.Link).First;
            var client = (await slipping.TextContentAsync())!.Trim();
            await v.TapAsync(slipping);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(client);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "History" })).ToBeVisibleAsync();
            await v.SeeAsync("slipping-relationship-history");

            await v.SignOutAsync();
        });
    }
}
