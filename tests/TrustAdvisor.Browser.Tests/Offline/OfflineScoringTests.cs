using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using TrustAdvisor.Infrastructure.Identity;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests.Offline;

/// <summary>
/// Scoring with no signal, on a phone and a desktop: the form opens from what the phone keeps, the score waits on
/// the phone and is stored once when the connection is back, whatever happened meanwhile.
/// </summary>
[Collection(BrowserGroup.Name)]
public class OfflineScoringTests(BrowserApp app)
{
    private Task<int> CountWithNoteAsync(string note) => app.QueryAsync(db => db.Assessments.IgnoreQueryFilters().CountAsync(a => a.Note == note));

    /// <summary>Back online, sending may wait for a request that was left hanging when the signal went to time out.</summary>
    private static readonly LocatorAssertionsToContainTextOptions Arrival = new() { Timeout = 20_000 };

    private static string NewNote() => $"Said in the car park {Guid.NewGuid():N}";

    [Theory]
    [MemberData(nameof(Device.Both), MemberType = typeof(Device))]
    public async Task A_score_saved_without_signal_waits_on_the_phone_and_is_stored_once_when_it_is_back(string deviceName)
    {
        await using var visit = await app.VisitAsync(Device.Named(deviceName), "offline-score", throughNetwork: true);
        var note = NewNote();
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            var (form, client) = await v.SignInWithTheAppKeptAsync(People.Advisor);
            await v.ScoreWithoutSignalAsync(form, 7, note);
            await Expect(page.Locator(".offline-score")).ToContainTextAsync(client);
            await v.SeeAsync("saved-on-the-phone");
            (await CountWithNoteAsync(note)).ShouldBe(0);

            await v.GoOnlineAsync();
            await Expect(v.Banner()).ToContainTextAsync($"Your waiting score arrived: {client}", Arrival);
            await Expect(v.Banner()).ToContainTextAsync("Saved. T is");
            await v.SeeAsync("arrived");
            (await CountWithNoteAsync(note)).ShouldBe(1);

            await v.GoToAsync(form.Replace("/Score/", "/Details/", StringComparison.Ordinal));
            await Expect(page.GetByText(note)).ToBeVisibleAsync();
            await Expect(v.Banner()).ToBeHiddenAsync();
            (await v.ScoresKeptAsync()).ShouldBe(0);
        });

        (await CountWithNoteAsync(note)).ShouldBe(1, "stored exactly once");
    }

    [Theory]
    [MemberData(nameof(Device.Both), MemberType = typeof(Device))]
    public async Task Two_forms_opened_and_saved_without_signal_are_two_assessments(string deviceName)
    {
        await using var visit = await app.VisitAsync(Device.Named(deviceName), "offline-two", throughNetwork: true);
        var (first, second) = (NewNote(), NewNote());
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            await v.SignInWithTheAppKeptAsync(People.Advisor);
            await v.GoOfflineAsync();

            await v.TapAsync((await v.FirstScoreButtonAsync()).Link);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Score the meeting");
            await v.ScoreAndSaveAsync(7, first);
            await v.ShouldSeeSavedOnPhoneAsync(waiting: 1);

            await v.GoToAsync("/");
            await v.TapAsync((await v.FirstScoreButtonAsync()).Link);
            await v.ScoreAndSaveAsync(4, second);
            await v.ShouldSeeSavedOnPhoneAsync(waiting: 2);
            await Expect(page.Locator(".offline-score")).ToHaveCountAsync(2);

            await v.GoOnlineAsync();
            await Expect(v.Banner()).ToContainTextAsync("Your 2 waiting scores arrived", Arrival);
        });

        (await CountWithNoteAsync(first)).ShouldBe(1);
        (await CountWithNoteAsync(second)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Device.Both), MemberType = typeof(Device))]
    public async Task A_score_waiting_when_the_session_ended_is_sent_after_signing_in_again_and_never_for_someone_else(string deviceName)
    {
        await using var visit = await app.VisitAsync(Device.Named(deviceName), "offline-session", throughNetwork: true);
        var note = NewNote();
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            var (form, _) = await v.SignInWithTheAppKeptAsync(People.Advisor);
            await v.ScoreWithoutSignalAsync(form, 8, note);

            // Meanwhile the session ends (as after a password change elsewhere): the kept score's token is no good either.
            await app.WithServicesAsync(async services =>
            {
                var users = services.GetRequiredService<UserManager<AppUser>>();
                await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(People.Advisor.Email))!);
            });
            await v.GoOnlineAsync();
            await Expect(v.Banner()).ToContainTextAsync("Your session has ended: sign in again and it will be sent.");
            await Expect(v.Banner().GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
            await v.SeeAsync("session-ended");
            (await CountWithNoteAsync(note)).ShouldBe(0);

            // Someone else signs in on the same phone: they see nothing of it, and it is not sent as theirs.
            await v.GoToAsync("/");
            await Expect(v.Banner()).ToContainTextAsync("They will be sent when the person who saved them signs in again.");
            await v.SignInAsync(People.Manager);
            await Expect(page.Locator("main")).Not.ToContainTextAsync("saved on this phone");
            await v.GoToAsync("/Offline");
            await Expect(page.Locator("[data-offline-list]")).ToContainTextAsync("Nothing is waiting on this phone");
            var advisor = await app.QueryAsync(db => db.Users.Where(u => u.Email == People.Advisor.Email).Select(u => u.Id).SingleAsync());
            (await page.EvaluateAsync<int>(
                "async id => { const c = await caches.open('pages'); const texts = await Promise.all((await c.keys()).map(async k => (await c.match(k)).text())); " +
                "return texts.filter(t => t.includes(`name=\"trustadvisor-person\" content=\"${id}\"`)).length; }", advisor.ToString()))
                .ShouldBe(0, "none of the advisor's pages is kept for the manager");
            (await CountWithNoteAsync(note)).ShouldBe(0);
            await v.SignOutAsync();

            await v.SignInAsync(People.Advisor);
            await Expect(v.Banner()).ToContainTextAsync("Your waiting score arrived", Arrival);
        });

        (await CountWithNoteAsync(note)).ShouldBe(1);
    }

    [Fact]
    public async Task When_the_session_ends_on_the_server_the_phone_forgets_its_pages_and_the_waiting_score_stays()
    {
        await using var visit = await app.VisitAsync(Device.Phone, "offline-session-ended-forgets", throughNetwork: true);
        var note = NewNote();
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            var (form, _) = await v.SignInWithTheAppKeptAsync(People.Advisor);
            await v.ScoreWithoutSignalAsync(form, 7, note);
            (await KeptPagesAsync(page)).ShouldBeGreaterThan(0);

            // Ended elsewhere (from another device, by an administrator, or timed out): the server refuses the cookie.
            var now = app.Clock.Now.UtcDateTime;
            await app.QueryAsync(db => db.UserSessions.Where(s => db.Users.Any(u => u.Id == s.UserId && u.Email == People.Advisor.Email))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now)));
            await v.GoOnlineAsync();
            await v.GoToAsync("/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");

            await page.WaitForFunctionAsync("async () => (await (await caches.open('pages')).keys()).length === 0");
            (await v.ScoresKeptAsync()).ShouldBe(1, "the score not yet sent waits for the same person");
            await v.SeeAsync("pages-forgotten");
            await v.SignInAsync(People.Advisor);
            await Expect(v.Banner()).ToContainTextAsync("Your waiting score arrived", Arrival);
        });

        (await CountWithNoteAsync(note)).ShouldBe(1);
    }

    private static Task<int> KeptPagesAsync(IPage page) =>
        page.EvaluateAsync<int>("async () => (await (await caches.open('pages')).keys()).length");

    [Theory]
    [MemberData(nameof(Device.Both), MemberType = typeof(Device))]
    public async Task A_score_for_a_relationship_archived_meanwhile_says_why_and_is_discarded_only_when_asked(string deviceName)
    {
        await using var visit = await app.VisitAsync(Device.Named(deviceName), "offline-archived", throughNetwork: true);
        var note = NewNote();
        var relationship = Guid.Empty;
        try
        {
            await visit.RunAsync(async v =>
            {
                var page = v.Page;
                var (form, _) = await v.SignInWithTheAppKeptAsync(People.Advisor);
                relationship = Guid.Parse(form["/Relationships/Score/".Length..]);
                await v.ScoreWithoutSignalAsync(form, 6, note);

                await ArchiveAsync(relationship, archived: true);
                await v.GoOnlineAsync();
                await Expect(v.Banner()).ToContainTextAsync("1 score saved on this phone could not be stored.");
                await v.GoToAsync("/");
                await Expect(v.Banner()).ToContainTextAsync("1 score saved on this phone could not be stored.");
                await v.TapAsync(v.Banner().GetByRole(AriaRole.Link, new() { Name = "See why" }));
                var kept = page.Locator(".offline-score");
                await Expect(kept.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This relationship is archived, so nothing was saved. Restore it to score it.");
                await Expect(kept).ToContainTextAsync(note);
                await Expect(kept.GetByRole(AriaRole.Button, new() { Name = "Copy the note" })).ToBeVisibleAsync();
                await v.SeeAsync("refused");

                await page.ReloadAsync();
                await Expect(kept).ToHaveCountAsync(1, new() { Timeout = 5000 }); // kept until the advisor decides
                await v.TapAsync(kept.GetByRole(AriaRole.Button, new() { Name = "Discard this score" }));
                await Expect(page.Locator("[data-offline-list]")).ToContainTextAsync("Nothing is waiting on this phone");
                await Expect(v.Banner()).ToBeHiddenAsync();
                (await v.ScoresKeptAsync()).ShouldBe(0);
            });
        }
        finally
        {
            if (relationship != Guid.Empty)
            {
                await ArchiveAsync(relationship, archived: false);
            }
        }

        (await CountWithNoteAsync(note)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Device.Both), MemberType = typeof(Device))]
    public async Task Signing_out_with_a_score_waiting_asks_first_and_removes_it_from_the_phone(string deviceName)
    {
        await using var visit = await app.VisitAsync(Device.Named(deviceName), "offline-sign-out", throughNetwork: true);
        var note = NewNote();
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            var (form, _) = await v.SignInWithTheAppKeptAsync(People.Advisor);
            await v.ScoreWithoutSignalAsync(form, 5, note);
            await v.GoToAsync("/"); // the home page as the phone keeps it: the offline page is nobody's, without a Sign out

            string? asked = null;
            page.Dialog += async (_, dialog) =>
            {
                asked = dialog.Message;
                await dialog.AcceptAsync();
            };
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }));
            await Expect(page.GetByText("What this phone kept for you is removed.")).ToBeVisibleAsync();
            asked.ShouldBe("1 score saved on this phone has not been stored yet. Signing out removes it from this phone. Sign out anyway?");
            (await v.ScoresKeptAsync()).ShouldBe(0);
            (await page.EvaluateAsync<int>("async () => (await (await caches.open('pages')).keys()).length")).ShouldBe(0);

            await v.GoOnlineAsync();
            await v.GoToAsync("/");
            await Expect(v.Banner()).ToBeHiddenAsync();
            await v.SignOutAsync();
        });

        (await CountWithNoteAsync(note)).ShouldBe(0, "what was removed is never sent");
    }

    [Theory]
    [MemberData(nameof(Device.Both), MemberType = typeof(Device))]
    public async Task A_new_release_deployed_while_a_score_waits_updates_the_phone_and_the_score_still_arrives(string deviceName)
    {
        await using var visit = await app.VisitAsync(Device.Named(deviceName), "offline-release", throughNetwork: true);
        var note = NewNote();
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            var (form, _) = await v.SignInWithTheAppKeptAsync(People.Advisor);
            var shellBefore = await page.EvaluateAsync<string>("async () => (await caches.keys()).find(k => k.startsWith('shell-'))");
            await v.GoToAsync(form);
            // A signal that looks present but carries nothing (the browser still says it is online): the post fails
            // all the same, and the score waits.
            app.Network.Cut();
            await v.ScoreAndSaveAsync(9, note);
            await Expect(page.GetByText(OfflineVisit.SavedOnPhone)).ToBeVisibleAsync();
            (await v.ScoresKeptAsync()).ShouldBe(1);

            // The release lands meanwhile; the phone's next check finds it. Nothing else asks the old worker to send,
            // so the score is sent by the new one once it has taken over.
            app.ChangeSetting("Offline:Release", Guid.NewGuid().ToString());
            app.Network.Restore();
            await page.EvaluateAsync("async () => (await navigator.serviceWorker.ready).update()");
            await page.WaitForFunctionAsync(
                "async before => { const keys = await caches.keys(); return keys.some(k => k.startsWith('shell-')) && !keys.includes(before); }", shellBefore);
            await Expect(v.Banner()).ToContainTextAsync("Your waiting score arrived", Arrival);
        });

        (await CountWithNoteAsync(note)).ShouldBe(1);
    }

    private Task<int> ArchiveAsync(Guid relationship, bool archived) => app.QueryAsync(db => db.Relationships.IgnoreQueryFilters()
        .Where(r => r.Id == relationship)
        .ExecuteUpdateAsync(set => set.SetProperty(r => r.ArchivedAt, archived ? DateTime.UtcNow : null)));
}
