using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Account;

/// <summary>
/// The most sensitive administrator actions ask for the password or a code again when the last proof on the session
/// is older than five minutes (ASVS 3.7.1); until then nothing of the action happens.
/// </summary>
public class ConfirmTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static readonly TimeSpan Later = TimeSpan.FromMinutes(6);

    private Task<int> OpenSessionsAsync(AppUser person) =>
        app.QueryAsync(db => db.UserSessions.CountAsync(s => s.UserId == person.Id && s.EndedAt == null));

    private static Task<HttpResponseMessage> EndSessionsAsync(HttpClient admin, AppUser person) =>
        admin.SubmitAsync("/Admin/People", new Dictionary<string, string?>(), $"form[action*='handler=EndSessions'][action*='{person.Id}']");

    [Fact]
    public async Task Ending_someones_sessions_minutes_after_signing_in_asks_for_the_password_first_and_then_goes_ahead()
    {
        var target = await app.CreatePersonAsync($"target.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        await app.CreateClientAsync(target.Email!);
        var admin = await app.CreateClientAsync();

        await app.Clock.WhileMovedAsync(Later, async () =>
        {
            var asked = await EndSessionsAsync(admin, target);

            asked.Location().ShouldBe("/Account/Confirm?ReturnUrl=%2FAdmin%2FPeople");
            (await OpenSessionsAsync(target)).ShouldBe(1);

            foreach (var wrong in new[] { "", "not my password" })
            {
                var refused = await admin.SubmitAsync(asked.Location(), new Dictionary<string, string?> { ["Secret"] = wrong });
                refused.StatusCode.ShouldBe(HttpStatusCode.OK);
                (await HtmlForms.ParseAsync(refused)).FieldError("Secret").ShouldNotBeNull();
            }

            (await EndSessionsAsync(admin, target)).Location().ShouldStartWith("/Account/Confirm");

            var confirmed = await admin.SubmitAsync(asked.Location(), new Dictionary<string, string?> { ["Secret"] = AppFixture.Password });
            confirmed.Location().ShouldBe("/Admin/People");
            (await OpenSessionsAsync(target)).ShouldBe(1, "confirming does not do the action itself");

            (await EndSessionsAsync(admin, target)).Location().ShouldBe("/Admin/People");
            (await OpenSessionsAsync(target)).ShouldBe(0);
        });
    }

    [Fact]
    public async Task A_code_from_the_authenticator_app_confirms_too_and_each_sensitive_action_asks()
    {
        var admin = await app.CreatePersonAsync($"admin.{Guid.NewGuid():N}@firm.test", UserRole.Administrator);
        var (key, _) = await app.TurnOnTwoFactorAsync(admin);
        var client = app.CreateAnonymousClient();
        await client.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = admin.Email, ["Password"] = AppFixture.Password });
        (await client.SubmitAsync("/Account/SignInCode", new Dictionary<string, string?> { ["Code"] = Authenticator.Code(key) })).Location().ShouldBe("/");
        var someone = await app.CreatePersonAsync($"someone.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);

        await app.Clock.WhileMovedAsync(Later, async () =>
        {
            foreach (var (page, fields) in new (string, Dictionary<string, string?>)[]
            {
                ("/Admin/SignInPolicy", new() { ["TwoFactorRequiredFor"] = "Nobody" }),
                ($"/Admin/People/Edit/{someone.Id}", new() { ["Role"] = "Manager" }),
                ($"/Admin/People/Leave/{someone.Id}", new()),
            })
            {
                (await client.SubmitAsync(page, fields)).Location().ShouldBe($"/Account/Confirm?ReturnUrl={Uri.EscapeDataString(page)}", page);
            }

            (await app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == someone.Id))).Role.ShouldBe(UserRole.Advisor);

            // The code that signed in is spent; the app's previous one is still within its window.
            var code = Authenticator.Code(key, DateTimeOffset.UtcNow.AddSeconds(-30));
            (await client.SubmitAsync("/Account/Confirm?ReturnUrl=%2FAdmin%2FSignInPolicy", new Dictionary<string, string?> { ["Secret"] = code }))
                .Location().ShouldBe("/Admin/SignInPolicy");
            (await client.SubmitAsync($"/Admin/People/Edit/{someone.Id}", new Dictionary<string, string?> { ["Role"] = "Manager" }))
                .Location().ShouldBe("/Admin/People");
        });
    }

    [Fact]
    public async Task Confirming_says_what_to_give_and_is_for_signed_in_people_only()
    {
        var page = await (await app.CreateClientAsync()).GetPageAsync("/Account/Confirm?ReturnUrl=%2FAdmin%2FPeople");
        page.QuerySelector("label[for=Secret]")!.TextContent.ShouldBe("Your password");
        (await app.CreateAnonymousClient().GetAsync(new Uri("/Account/Confirm", UriKind.Relative))).Location().ShouldStartWith("https://localhost/Account/SignIn");
    }
}
