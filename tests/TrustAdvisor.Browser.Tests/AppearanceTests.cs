using System.Text.Json;
using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests;

/// <summary>Dark mode follows the system; the app can be added to a phone's home screen.</summary>
[Collection(BrowserGroup.Name)]
public class AppearanceTests(BrowserApp app)
{
    [Theory]
    [InlineData(ColorScheme.Light, "rgb(247, 247, 245)")]
    [InlineData(ColorScheme.Dark, "rgb(18, 20, 23)")]
    public async Task The_colours_follow_the_system_setting_and_stay_readable(ColorScheme scheme, string background)
    {
        await using var visit = await app.VisitAsync(Device.Phone, $"colours-{scheme.ToString().ToUpperInvariant()}", colorScheme: scheme);
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            await v.SignInAsync(People.Manager);
            // Awaited, not read once: right after the sign-in's redirect the stylesheet may not have been applied yet.
            await Expect(page.Locator("html")).ToHaveCSSAsync("background-color", background);
            await v.SeeAsync("home"); // axe-core checks the contrast of these colours
            await v.TapAsync((await v.FirstScoreButtonAsync()).Link);
            await v.ScoreAsync("Credibility", 7);
            await v.SeeAsync("score-form");
            await v.GoToAsync("/TeamDashboard?period=year");
            await v.SeeAsync("dashboard");
        });
    }

    [Fact]
    public async Task A_phone_can_add_the_app_to_its_home_screen_from_the_manifest_and_its_icons()
    {
        await using var visit = await app.VisitAsync(Device.Phone, "manifest");
        var page = visit.Page;
        await visit.GoToAsync("/Account/SignIn");
        var manifestAddress = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        (await page.Locator("meta[name=theme-color]").CountAsync()).ShouldBe(2); // light and dark
        (await page.Locator("link[rel=apple-touch-icon]").CountAsync()).ShouldBe(1);

        var response = await page.APIRequest.GetAsync(manifestAddress!);
        response.Status.ShouldBe(200);
        response.Headers["content-type"].ShouldStartWith("application/manifest+json");
        using var manifest = JsonDocument.Parse(await response.TextAsync());
        var root = manifest.RootElement;
        root.GetProperty("name").GetString().ShouldBe("TrustAdvisor");
        root.GetProperty("start_url").GetString().ShouldBe("/");
        root.GetProperty("display").GetString().ShouldBe("standalone");
        var sizes = new List<string>();
        foreach (var icon in root.GetProperty("icons").EnumerateArray())
        {
            var image = await page.APIRequest.GetAsync(icon.GetProperty("src").GetString()!);
            image.Status.ShouldBe(200, icon.GetProperty("src").GetString());
            image.Headers["content-type"].ShouldBe(icon.GetProperty("type").GetString());
            if (icon.GetProperty("type").GetString() == "image/png")
            {
                var png = await image.BodyAsync();
                var (width, height) = (ReadBigEndian(png, 16), ReadBigEndian(png, 20));
                icon.GetProperty("sizes").GetString().ShouldBe($"{width}x{height}");
                sizes.Add($"{width}x{height}");
            }
        }

        sizes.ShouldContain("192x192");
        sizes.ShouldContain("512x512");
    }

    private static int ReadBigEndian(byte[] bytes, int offset) =>
        (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
}
