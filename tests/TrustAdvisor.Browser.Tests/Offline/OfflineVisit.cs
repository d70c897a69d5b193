using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests.Offline;

/// <summary>The steps the offline journeys share: an advisor whose phone has the app kept, scoring without signal.</summary>
internal static class OfflineVisit
{
    public const string SavedOnPhone = "Saved on this phone. It will be sent when you are back online.";

    /// <summary>
    /// Signs in (through the network a test can cut) and uses the app a little, as an advisor has before any meeting:
    /// the service worker is in charge and keeps the home page and its scoring forms. Returns the first form's path.
    /// </summary>
    public static async Task<(string Path, string Client)> SignInWithTheAppKeptAsync(this Visit visit, (string Email, string Password) person)
    {
        await visit.SignInAsync(person);
        await visit.Page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await visit.GoToAsync("/"); // now through the worker, which keeps the page and the forms it links to
        var (link, client) = await visit.FirstScoreButtonAsync();
        var path = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("A Score button without an address.");
        // Every form the page links to (the worker keeps the first 20), not only the first: whichever Score button is
        // tapped without signal, its form is there.
        var forms = (await visit.Page.Locator("a[href^='/Relationships/Score/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Distinct().Take(20);
        await visit.Page.WaitForFunctionAsync(
            "async paths => { const c = await caches.open('pages'); return (await Promise.all(paths.map(p => c.match(p)))).every(Boolean); }",
            new[] { "/", path }.Concat(forms).Distinct().ToArray());
        return (path, client);
    }

    /// <summary>Scores the form on the screen (C, R, I and S, and a note) and taps Save.</summary>
    public static async Task ScoreAndSaveAsync(this Visit visit, int credibility, string note)
    {
        await visit.ScoreAsync("Credibility", credibility);
        await visit.ScoreAsync("Reliability", 6);
        await visit.ScoreAsync("Intimacy", 5);
        await visit.ScoreAsync("Self-orientation", 3);
        await visit.TypeAsync(visit.Page.GetByRole(AriaRole.Textbox, new() { Name = "Note" }), note);
        await visit.TapAsync(visit.Page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }));
    }

    /// <summary>Opens the form (with signal), loses the signal, scores and saves: the score now waits on the phone.</summary>
    public static async Task ScoreWithoutSignalAsync(this Visit visit, string form, int credibility, string note)
    {
        await visit.GoToAsync(form);
        await visit.GoOfflineAsync();
        await visit.ScoreAndSaveAsync(credibility, note);
        await visit.ShouldSeeSavedOnPhoneAsync(waiting: 1);
    }

    public static ILocator Banner(this Visit visit) => visit.Page.Locator("#offline-banner");

    /// <summary>The scores this phone keeps, of anyone, as the page's storage has them.</summary>
    public static Task<int> ScoresKeptAsync(this Visit visit) => visit.Page.EvaluateAsync<int>(
        "() => new Promise((resolve, reject) => { const r = indexedDB.open('trustadvisor-offline', 1); " +
        "r.onsuccess = () => { const q = r.result.transaction('scores').objectStore('scores').count(); q.onsuccess = () => { r.result.close(); resolve(q.result); }; }; " +
        "r.onerror = () => reject(r.error); })");

    public static async Task ShouldSeeSavedOnPhoneAsync(this Visit visit, int waiting)
    {
        await Expect(visit.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Scores on this phone");
        await Expect(visit.Page.GetByText(SavedOnPhone)).ToBeVisibleAsync();
        await Expect(visit.Banner()).ToContainTextAsync(waiting == 1
            ? "1 score is saved on this phone, waiting to be sent. It will be sent when you are back online."
            : $"{waiting} scores are saved on this phone, waiting to be sent.");
    }
}
