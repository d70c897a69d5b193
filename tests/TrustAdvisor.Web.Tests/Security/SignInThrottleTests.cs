using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Pages.Account;
using TrustAdvisor.Web.Security;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Security;

/// <summary>An app whose clock these tests move: throttling is about minutes passing.</summary>
public sealed class ThrottleApp : PostgresApp;

/// <summary>Sign-in and Change password give nothing away and cannot be used to keep someone else out (ADR 16).</summary>
public class SignInThrottleTests(ThrottleApp app) : IClassFixture<ThrottleApp>
{
    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = password });

    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await HtmlForms.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent.Trim();
    }

    [Fact]
    public async Task Unknown_wrong_held_back_and_locked_all_get_the_same_answer()
    {
        var held = await app.CreatePersonAsync($"held.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var locked = await app.CreatePersonAsync($"locked.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        await app.QueryAsync(async db => await db.Users.Where(u => u.Id == locked.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, app.Clock.Now.AddMinutes(5))));
        var attacker = app.CreateAnonymousClientFrom("203.0.113.10");
        for (var i = 0; i < PasswordCheck.FailuresPerAddress; i++)
        {
            await SignInAsync(attacker, held.Email!, $"guess {i}");
        }

        var answers = new[]
        {
            await AnswerAsync(await SignInAsync(app.CreateAnonymousClientFrom("203.0.113.11"), $"nobody.{Guid.NewGuid():N}@firm.test", AppFixture.Password)),
            await AnswerAsync(await SignInAsync(app.CreateAnonymousClientFrom("203.0.113.11"), held.Email!, "not the password")),
            await AnswerAsync(await SignInAsync(attacker, held.Email!, AppFixture.Password)),
            await AnswerAsync(await SignInAsync(app.CreateAnonymousClientFrom("203.0.113.11"), locked.Email!, AppFixture.Password)),
        };

        answers.Distinct().ShouldBe([SignInModel.Failed]);
    }

    [Fact]
    public async Task The_password_is_hashed_whether_or_not_the_account_exists()
    {
        var hasher = new CountingHasher();
        await using var counted = app.Factory.WithWebHostBuilder(host =>
            host.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<AppUser>>(_ => hasher)));
        var visitor = counted.CreateClient(TrustAdvisorFactory.BrowserLike());

        await SignInAsync(visitor, $"nobody.{Guid.NewGuid():N}@firm.test", "a guess at a password");
        var forUnknown = hasher.Verifications;
        await SignInAsync(visitor, AppFixture.AdminEmail, "a guess at a password");

        forUnknown.ShouldBe(1);
        hasher.Verifications.ShouldBe(2);
    }

    [Fact]
    public async Task One_address_cannot_keep_another_persons_account_closed()
    {
        var person = await app.CreatePersonAsync($"target.{Guid.NewGuid():N}@firm.test", UserRole.Administrator);
        var attacker = app.CreateAnonymousClientFrom("203.0.113.20");
        for (var i = 0; i < 60; i++)
        {
            await SignInAsync(attacker, person.Email!, $"guess {i}");
        }

        (await SignInAsync(attacker, person.Email!, AppFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.OK); // held back, even right
        (await SignInAsync(app.CreateAnonymousClientFrom("198.51.100.20"), person.Email!, AppFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == person.Id))).LockoutEnd.ShouldBeNull();
        await app.Clock.WhileMovedAsync(PasswordCheck.AddressWindow + TimeSpan.FromSeconds(1), async () =>
            (await SignInAsync(attacker, person.Email!, AppFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect));
    }

    [Fact]
    public async Task Guessing_from_many_addresses_locks_the_account_for_a_few_minutes()
    {
        var person = await app.CreatePersonAsync($"botnet.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        for (var i = 0; i < PasswordCheck.FailuresPerAccount; i++)
        {
            await SignInAsync(app.CreateAnonymousClientFrom($"192.0.2.{i / PasswordCheck.FailuresPerAddress}"), person.Email!, $"guess {i}");
        }

        (await SignInAsync(app.CreateAnonymousClientFrom("198.51.100.30"), person.Email!, AppFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == person.Id))).LockoutEnd.ShouldNotBeNull();
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == person.Id && e.Kind == AuditKind.LockedOut))).ShouldBe(1);
        var notice = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.RecipientId == person.Id && m.Kind == MailKind.AccountLocked));
        notice.TextBody.ShouldContain("your TrustAdvisor account is locked for 5 minutes");
        await app.Clock.WhileMovedAsync(PasswordCheck.AccountLock + TimeSpan.FromSeconds(1), async () =>
            (await SignInAsync(app.CreateAnonymousClientFrom("198.51.100.30"), person.Email!, AppFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect));
    }

    [Fact]
    public async Task Change_password_checks_the_current_one_under_the_same_throttle()
    {
        var person = await app.CreatePersonAsync($"changer.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var session = await app.CreateClientAsync(person.Email!);
        session.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.40");
        Task<HttpResponseMessage> ChangeAsync(string current) => session.SubmitAsync("/Account/Password", new Dictionary<string, string?>
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = "a new passphrase!",
            ["ConfirmPassword"] = "a new passphrase!",
        });
        for (var i = 0; i < PasswordCheck.FailuresPerAddress; i++)
        {
            await ChangeAsync($"guess {i}");
        }

        var refused = await ChangeAsync(AppFixture.Password);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(refused)).FieldError("CurrentPassword").ShouldBe(PasswordModel.NotCurrent);
        (await app.CreateClientAsync(person.Email!)).ShouldNotBeNull(); // the password is unchanged
    }

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
