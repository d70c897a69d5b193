using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Security;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Security;

/// <summary>An app whose clock these tests move: sessions are about time passing.</summary>
public sealed class SessionApp : PostgresApp;

/// <summary>Sessions are records on the server: ended there, a cookie is refused everywhere, whoever kept a copy.</summary>
public class SessionTests(SessionApp app) : IClassFixture<SessionApp>
{
    private const string Phone = "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    private async Task<(AppUser Person, HttpClient Client, string Cookie)> SignInAsync(bool keepSignedIn = false, string? email = null, string? userAgent = null)
    {
        var person = email is null ? await app.CreatePersonAsync($"session.{Guid.NewGuid():N}@firm.test", UserRole.Advisor) : null;
        var client = app.CreateAnonymousClient();
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }

        var response = await client.SubmitAsync("/Account/SignIn", new Dictionary<string, string?>
        {
            ["Email"] = email ?? person!.Email,
            ["Password"] = AppFixture.Password,
            ["KeepSignedIn"] = keepSignedIn ? "true" : null,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-TrustAdvisor.Session=", StringComparison.Ordinal)).Split(';')[0];
        return (person ?? await app.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email)), client, cookie);
    }

    /// <summary>A request carrying only a copy of the cookie, as someone who stole it would send it.</summary>
    private static async Task<HttpStatusCode> WithCopyAsync(WebApplicationFactory<Program> factory, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = TrustAdvisorFactory.Https, AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Account/Settings", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_every_instance_and_a_copied_cookie_is_refused()
    {
        var (_, client, cookie) = await SignInAsync();
        await using var other = new TrustAdvisorFactory(app.Provider, app.ConnectionString, demoData: false, app.Clock);
        (await WithCopyAsync(other, cookie)).ShouldBe(HttpStatusCode.OK);

        (await client.SubmitAsync("/Account/SignOut", new Dictionary<string, string?>(), "main form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await WithCopyAsync(app.Factory, cookie)).ShouldBe(HttpStatusCode.Redirect);
        (await WithCopyAsync(other, cookie)).ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_session_ends_after_30_idle_minutes_unless_kept_and_after_12_hours_whatever_happens()
    {
        var (_, _, idle) = await SignInAsync();
        var (_, _, kept) = await SignInAsync(keepSignedIn: true);
        var (_, _, busy) = await SignInAsync();

        await app.Clock.WhileMovedAsync(TimeSpan.FromMinutes(29), async () => (await WithCopyAsync(app.Factory, busy)).ShouldBe(HttpStatusCode.OK));
        await app.Clock.WhileMovedAsync(TimeSpan.FromMinutes(31), async () =>
        {
            (await WithCopyAsync(app.Factory, idle)).ShouldBe(HttpStatusCode.Redirect);
            (await WithCopyAsync(app.Factory, kept)).ShouldBe(HttpStatusCode.OK);
            (await WithCopyAsync(app.Factory, busy)).ShouldBe(HttpStatusCode.OK); // seen two minutes ago
        });
        (await WithCopyAsync(app.Factory, idle)).ShouldBe(HttpStatusCode.Redirect, "an ended session stays ended");
        await app.Clock.WhileMovedAsync(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1), async () =>
            (await WithCopyAsync(app.Factory, kept)).ShouldBe(HttpStatusCode.Redirect));
    }

    [Fact]
    public async Task A_person_sees_their_sessions_and_ends_the_others()
    {
        var (person, phone, phoneCookie) = await SignInAsync(userAgent: Phone);
        var (_, laptop, laptopCookie) = await SignInAsync(email: person.Email);
        var (_, tablet, tabletCookie) = await SignInAsync(email: person.Email);

        (await laptop.GetPageAsync("/Account/Settings")).QuerySelectorAll("#sessions tr[data-session]").Length.ShouldBe(3);
        var page = await laptop.GetPageAsync("/Account/Sessions");
        page.QuerySelectorAll("tr[data-session]").Length.ShouldBe(3);
        page.QuerySelectorAll(".badge").Single(b => b.TextContent == "This device").ShouldNotBeNull();
        page.QuerySelectorAll("tr[data-session] th").ShouldContain(th => th.TextContent.Contains("Chrome on Android", StringComparison.Ordinal));
        var phoneSession = await app.QueryAsync(db => db.UserSessions.Where(s => s.UserId == person.Id && s.Device == "Chrome on Android").Select(s => s.Id).SingleAsync());
        (await laptop.SubmitAsync("/Account/Sessions", new Dictionary<string, string?>(), $"tr[data-session='{phoneSession}'] form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await WithCopyAsync(app.Factory, phoneCookie)).ShouldBe(HttpStatusCode.Redirect);
        (await WithCopyAsync(app.Factory, tabletCookie)).ShouldBe(HttpStatusCode.OK);
        (await laptop.SubmitAsync("/Account/Sessions", new Dictionary<string, string?>(), "form[action*=EndOthers]")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WithCopyAsync(app.Factory, tabletCookie)).ShouldBe(HttpStatusCode.Redirect);
        (await WithCopyAsync(app.Factory, laptopCookie)).ShouldBe(HttpStatusCode.OK);
        (await phone.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await tablet.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Someone_elses_session_cannot_be_ended_and_nothing_changes()
    {
        var (victim, _, victimCookie) = await SignInAsync();
        var victimSession = await app.QueryAsync(db => db.UserSessions.Where(s => s.UserId == victim.Id).Select(s => s.Id).SingleAsync());
        var (_, attacker, _) = await SignInAsync();
        var (_, fields) = await attacker.ReadFormAsync("/Account/Password");

        var response = await attacker.PostFormAsync($"/Account/Sessions?handler=End&id={victimSession}", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WithCopyAsync(app.Factory, victimCookie)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_ends_all_of_a_persons_sessions_in_one_step_and_deactivation_does_it_too()
    {
        var (person, _, first) = await SignInAsync();
        var (_, _, second) = await SignInAsync(email: person.Email);
        var admin = await app.CreateClientAsync();

        (await admin.SubmitAsync("/Admin/People", new Dictionary<string, string?>(), $"tr[data-email='{person.Email}'] form[action*=EndSessions]"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await WithCopyAsync(app.Factory, first)).ShouldBe(HttpStatusCode.Redirect);
        (await WithCopyAsync(app.Factory, second)).ShouldBe(HttpStatusCode.Redirect);
        var (_, _, third) = await SignInAsync(email: person.Email);
        (await admin.SubmitAsync("/Admin/People", new Dictionary<string, string?>(), $"tr[data-email='{person.Email}'] form[action*=Deactivate]"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WithCopyAsync(app.Factory, third)).ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.UserSessions.CountAsync(s => s.UserId == person.Id && s.EndedAt == null))).ShouldBe(0);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari on iPhone")]
    [InlineData("Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on macOS")]
    [InlineData("", "Unknown device")]
    [InlineData("curl/8.5.0", "A browser")]
    public void A_device_is_named_in_words(string userAgent, string name) => DeviceName.From(userAgent).ShouldBe(name);
}
