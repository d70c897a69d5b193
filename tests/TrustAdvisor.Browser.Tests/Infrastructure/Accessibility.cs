using System.Text.Json;
using Microsoft.Playwright;

namespace TrustAdvisor.Browser.Tests.Infrastructure;

/// <summary>
/// axe-core (shipped in the test output, see axe-core/README.md) run on the page as it is now. Evaluated through
/// the browser's debugging protocol, so the app's Content-Security-Policy stays as strict as for a real visitor.
/// </summary>
public static class Accessibility
{
    private static readonly Lazy<string> Axe = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe-core", "axe.min.js")));

    /// <summary>Fails on any serious or critical violation, naming the rule, its help text and where it is.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.EvaluateAsync(Axe.Value);
        }

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ')}`)
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        found.ShouldBeEmpty($"axe-core on {where} ({page.Url})");
    }
}
