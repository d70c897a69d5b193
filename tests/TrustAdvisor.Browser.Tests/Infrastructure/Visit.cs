using System.Runtime.ExceptionServices;
using Microsoft.Playwright;

namespace TrustAdvisor.Browser.Tests.Infrastructure;

/// <summary>
/// One person at one browser, on one device. Every tap and key press goes through here, so a test can count them;
/// <see cref="SeeAsync"/> is a screen the person looks at: it is photographed and checked with axe-core.
/// </summary>
public sealed class Visit(IBrowserContext context, IPage page, Device device, string journey, bool javaScript, Network? network = null)
    : IAsyncDisposable
{
    /// <summary>Screenshots of every run: the test output's screenshots folder, one file per screen.</summary>
    public static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private int _screen;

    public IPage Page => page;
    public IBrowserContext Context => context;
    public Device Device => device;

    /// <summary>Taps on a phone, clicks on a desktop, key presses on either.</summary>
    public int Interactions { get; private set; }

    /// <summary>Every page the browser loaded, in order (posts and redirects included), counted by the browser.</summary>
    public List<string> PagesLoaded { get; } = Watch(page);

    public Task GoToAsync(string address) => page.GotoAsync(address);

    /// <summary>No signal: the browser says it is offline and the network to the app is cut, for its service worker too.</summary>
    public async Task GoOfflineAsync()
    {
        (network ?? throw new InvalidOperationException("Visit through the app's Network to go offline.")).Cut();
        await context.SetOfflineAsync(true);
    }

    public async Task GoOnlineAsync()
    {
        (network ?? throw new InvalidOperationException("Visit through the app's Network to go online.")).Restore();
        await context.SetOfflineAsync(false);
    }

    public async Task TapAsync(ILocator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Interactions++;
        if (device.IsPhone)
        {
            await target.TapAsync();
        }
        else
        {
            await target.ClickAsync();
        }
    }

    /// <summary>Focuses a field with a tap and types into it: one interaction for the tap and one per key.</summary>
    public async Task TypeAsync(ILocator field, string text)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(text);
        await TapAsync(field);
        await field.ClearAsync();
        Interactions += text.Length;
        await field.PressSequentiallyAsync(text);
    }

    public async Task PressAsync(string key)
    {
        Interactions++;
        await page.Keyboard.PressAsync(key);
    }

    /// <summary>A screen the person reads: waits for it, photographs it and checks its accessibility.</summary>
    public async Task SeeAsync(string name, bool checkAccessibility = true)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await ScreenshotAsync(name);
        if (!javaScript)
        {
            return; // axe-core and the layout check run as scripts in the page
        }

        if (device.IsPhone)
        {
            var wider = await page.EvaluateAsync<string[]>(
                "width => [...document.querySelectorAll('body *')]" +
                "  .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-scroll'))" +
                "  .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.className} ends at ${Math.round(e.getBoundingClientRect().right)} px`)",
                device.Width);
            wider.ShouldBeEmpty($"{name} is wider than the phone's screen (it scrolls sideways)");
        }

        if (checkAccessibility)
        {
            await Accessibility.AssertNoSeriousViolationsAsync(page, $"{journey} on a {device}: {name}");
        }
    }

    /// <summary>The same screen as <see cref="SeeAsync"/>, then again in dark mode (axe checks both sets of colours).</summary>
    public async Task SeeInLightAndDarkAsync(string name)
    {
        await SeeAsync(name);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        await SeeAsync($"{name}-dark");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
    }

    /// <summary>Runs the journey; on failure the screen as it was is saved before the failure is reported.</summary>
    public async Task RunAsync(Func<Visit, Task> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        try
        {
            await steps(this);
        }
        catch (Exception failure)
        {
            try
            {
                await ScreenshotAsync("FAILED");
            }
            catch (PlaywrightException)
            {
                // The browser itself may be what failed; the original failure is what matters.
            }

            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private static List<string> Watch(IPage page)
    {
        var loaded = new List<string>();
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                loaded.Add(new Uri(frame.Url).AbsolutePath);
            }
        };
        return loaded;
    }

    private async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        _screen++;
        var file = $"{journey}-{device}-{_screen:00}-{string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '-'))}.png";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, file), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        network?.Restore(); // the next visit finds the network up, whatever this one's test did
        await context.DisposeAsync();
    }
}
