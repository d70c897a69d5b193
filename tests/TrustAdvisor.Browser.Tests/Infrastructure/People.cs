using Microsoft.Playwright;
using TrustAdvisor.Infrastructure.Identity;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests.Infrastructure;

/// <summary>The demo team's people, and the steps every journey shares: signing in and out.</summary>
public static class People
{
    public static (string Email, string Password) Advisor => Account(UserRole.Advisor);
    public static (string Email, string Password) Manager => Account(UserRole.Manager);

    public static async Task SignInAsync(this Visit visit, (string Email, string Password) person)
    {
        ArgumentNullException.ThrowIfNull(visit);
        await visit.GoToAsync("/");
        await Expect(visit.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await visit.SeeAsync("sign-in");
        await visit.TypeAsync(visit.Page.GetByLabel("Email"), person.Email);
        await visit.TypeAsync(visit.Page.GetByLabel("Password", new() { Exact = true }), person.Password);
        await visit.TapAsync(visit.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
        await Expect(visit.Page.GetByRole(AriaRole.Heading, new() { Name = "Your relationships", Level = 1 })).ToBeVisibleAsync();
    }

    public static async Task SignOutAsync(this Visit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        await visit.TapAsync(visit.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }));
        await Expect(visit.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await visit.GoToAsync("/");
        await Expect(visit.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));
    }

    /// <summary>The home page's first Score button (the most urgent relationship) and the client it scores.</summary>
    public static async Task<(ILocator Link, string Client)> FirstScoreButtonAsync(this Visit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        // A relationship's own button, not a meeting's from the calendar ("Score it", "Score with …").
        var link = visit.Page.Locator("a:not([href*='meeting='])").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Score ") }).First;
        var name = await link.TextContentAsync() ?? throw new InvalidOperationException("No Score button on the page.");
        return (link, name["Score".Length..].Trim());
    }

    /// <summary>Taps one of a factor's ten buttons, found by the factor's name as a person reads it.</summary>
    public static Task ScoreAsync(this Visit visit, string factor, int score)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var group = visit.Page.GetByRole(AriaRole.Radiogroup, new() { Name = factor, Exact = true });
        return visit.TapAsync(group.GetByRole(AriaRole.Radio, new() { Name = score.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }));
    }

    private static (string, string) Account(UserRole role)
    {
        var (email, password, _, _) = AccountSeeder.DemoAccounts.Single(a => a.Role == role);
        return (email, password);
    }
}
