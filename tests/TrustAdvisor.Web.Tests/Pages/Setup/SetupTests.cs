using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Setup;

public class SetupTests(FreshInstall app) : IClassFixture<FreshInstall>
{
    private Dictionary<string, string?> Administrator(string email) => new()
    {
        ["Input.SetupCode"] = app.Factory.SetupCodeFromLog(),
        ["Input.DisplayName"] = "Grace Hopper",
        ["Input.Email"] = email,
        ["Input.Password"] = "a long enough passphrase",
        ["Input.ConfirmPassword"] = "a long enough passphrase",
    };

    public static TheoryData<string, string, string, string> BadInputs() => new()
    {
        { "Input.DisplayName", " ", "DisplayName", "Enter your name." },
        { "Input.DisplayName", new string('n', 10_000), "DisplayName", "Your name can be at most 100 characters; this one has 10,000." },
        { "Input.Email", "", "Email", "Enter your email address." },
        { "Input.Email", "not-an-email", "Email", "Enter a valid email address, like name@firm.com." },
        { "Input.Password", "short", "Password", "Choose a password of at least 12 characters" },
        { "Input.Password", "eleven char", "Password", "Choose a password of at least 12 characters" },
        { "Input.Password", new string('p', 129), "Password", "A password can be at most 128 characters" },
        { "Input.ConfirmPassword", "something else entirely", "ConfirmPassword", "The two passwords are not the same." },
        { "Input.SetupCode", "", "SetupCode", "That setup code is not right." },
        { "Input.SetupCode", "AAAA-BBBB-CCCC-DDDD-EEEE", "SetupCode", "That setup code is not right." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_a_message_and_creates_nobody(string field, string value, string errorFor, string message)
    {
        var changes = Administrator($"bad.{Guid.NewGuid():N}@firm.test");
        changes[field] = value;

        var response = await app.CreateAnonymousClient().SubmitAsync("/Setup", changes);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError(errorFor).ShouldNotBeNull().ShouldContain(message);
        (await app.QueryAsync(db => db.Users.CountAsync())).ShouldBe(0);
    }
}

/// <summary>Each test here needs its own fresh install, because setting up uses it up.</summary>
public class SetupOnceTests
{
    [Fact]
    public async Task The_first_administrator_is_created_once_and_the_page_disappears()
    {
        var app = new FreshInstall();
        await app.InitializeAsync();
        try
        {
            var visitor = app.CreateAnonymousClient();
            (await visitor.GetPageAsync("/Account/SignIn")).QuerySelector("a[href='/Setup']").ShouldNotBeNull();

            var response = await visitor.SubmitAsync("/Setup", new Dictionary<string, string?>
            {
                ["Input.SetupCode"] = app.Factory.SetupCodeFromLog().ToLowerInvariant(),
                ["Input.DisplayName"] = "Grace Hopper",
                ["Input.Email"] = "grace@firm.test",
                ["Input.Password"] = "a long enough passphrase",
                ["Input.ConfirmPassword"] = "a long enough passphrase",
            });

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await visitor.GetPageAsync("/")).QuerySelector(".who")!.TextContent.ShouldBe("Grace Hopper");
            var admin = await app.QueryAsync(db => db.Users.SingleAsync());
            (admin.Email, admin.Role, admin.IsActive).ShouldBe(("grace@firm.test", UserRole.Administrator, true));
            (await visitor.GetAsync(new Uri("/Setup", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var again = await app.CreateAnonymousClient().PostFormAsync("/Setup", new Dictionary<string, string?> { ["Input.Email"] = "mallory@firm.test" });
            again.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
            (await app.QueryAsync(db => db.Users.CountAsync())).ShouldBe(1);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_unattended_install_takes_its_administrator_from_configuration()
    {
        var clock = new FixedClock(FixedClock.Default);
        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
        await using var factory = new TrustAdvisorFactory("Postgres", connectionString, demoData: false, clock, new Dictionary<string, string>
        {
            ["Database:AdministratorEmail"] = "ops@firm.test",
            ["Database:AdministratorPassword"] = "from a secret store",
        });
        var visitor = factory.CreateClient(TrustAdvisorFactory.BrowserLike());

        (await visitor.GetAsync(new Uri("/Setup", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var signIn = await visitor.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = "ops@firm.test", ["Password"] = "from a secret store" });
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
