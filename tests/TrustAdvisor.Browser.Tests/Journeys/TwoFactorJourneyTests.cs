using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests.Journeys;

/// <summary>An advisor turns on two-factor sign-in on their phone, as an authenticator app would be set up, and signs in with it.</summary>
[Collection(BrowserGroup.Name)]
public class TwoFactorJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_advisor_sets_up_two_factor_on_a_phone_and_then_signs_in_with_a_code_from_the_app()
    {
        var person = (Email: $"two.factor.{Guid.NewGuid():N}@demo.trustadvisor.test", Password: "a passphrase of her own");
        await app.WithServicesAsync(async services =>
        {
            var team = await services.GetRequiredService<TrustAdvisor.Infrastructure.Persistence.TrustAdvisorDbContext>().Teams.Select(t => t.Id).FirstAsync();
            AccountSeeder.Ensure(await AccountSeeder.CreateAsync(
                services.GetRequiredService<UserManager<AppUser>>(), person.Email, person.Password, "Tess Factor", UserRole.Advisor, DateTime.UtcNow, team), person.Email);
        });

        await using var visit = await app.VisitAsync(Device.Phone, "two-factor");
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            await v.SignInAsync(person);
            await v.GoToAsync("/Account/Settings");
            await v.TapAsync(page.GetByRole(AriaRole.Link, new() { Name = "Two-factor sign-in" }));
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code to add TrustAdvisor to an authenticator app" })).ToBeVisibleAsync();
            await v.SeeAsync("two-factor-setup");

            // On the phone itself the QR code cannot be scanned: the person types the key into their app instead.
            var key = (await page.GetByTestId("authenticator-key").TextContentAsync())!;
            var firstCode = Authenticator.Code(key);
            await v.TypeAsync(page.GetByLabel("Code from the app"), firstCode);
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Turn two-factor on" }));
            await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
            await v.SeeAsync("recovery-codes");
            await v.TapAsync(page.GetByRole(AriaRole.Link, new() { Name = "I have kept them" }));
            await v.SignOutAsync();

            await v.TypeAsync(page.GetByLabel("Email"), person.Email);
            await v.TypeAsync(page.GetByLabel("Password", new() { Exact = true }), person.Password);
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your code", Level = 1 })).ToBeVisibleAsync();
            await v.SeeAsync("sign-in-code");

            // A code is good once: the one that turned two-factor on is refused, so the person waits for the app's next one.
            await v.TypeAsync(page.GetByLabel("Code", new() { Exact = true }), await NextCodeAsync(key, firstCode));
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your relationships", Level = 1 })).ToBeVisibleAsync();
        });
    }

    private static async Task<string> NextCodeAsync(string key, string used)
    {
        for (var waited = 0; waited <= 31; waited++)
        {
            var code = Authenticator.Code(key);
            if (code != used)
            {
                return code;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        throw new InvalidOperationException("The authenticator's code did not change within 31 seconds.");
    }
}
