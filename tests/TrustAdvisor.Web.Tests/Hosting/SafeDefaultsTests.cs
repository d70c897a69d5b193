using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Hosting;

/// <summary>An installation outside Development starts with nothing an outsider could use.</summary>
public sealed class SafeDefaultsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static TrustAdvisorFactory Start(string provider, string connectionString, bool? demoData, string environment = "Production")
    {
        var app = new TrustAdvisorFactory(provider, connectionString, demoData, new FixedClock(FixedClock.Default)) { EnvironmentName = environment };
        _ = app.Server;
        return app;
    }

    private static HttpClient Visitor(TrustAdvisorFactory app) =>
        app.CreateClient(TrustAdvisorFactory.BrowserLike());

    private static async Task<T> QueryAsync<T>(TrustAdvisorFactory app, Func<TrustAdvisorDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>());
    }

    private static Dictionary<string, string?> FirstAdministrator(string? code) => new()
    {
        ["Input.SetupCode"] = code,
        ["Input.DisplayName"] = "Grace Hopper",
        ["Input.Email"] = "grace@firm.test",
        ["Input.Password"] = "a long enough passphrase",
        ["Input.ConfirmPassword"] = "a long enough passphrase",
    };

    [Fact]
    public async Task Production_on_an_empty_postgres_database_has_no_demo_and_setup_needs_the_code_from_the_log()
    {
        await using var app = Start("Postgres", await (await PostgresServer.GetAsync()).CreateDatabaseAsync(), demoData: null);
        var visitor = Visitor(app);

        (await QueryAsync(app, db => db.Users.CountAsync())).ShouldBe(0);
        (await QueryAsync(app, db => db.Teams.CountAsync())).ShouldBe(0);
        (await visitor.GetPageAsync("/Account/SignIn")).QuerySelector(".demo-accounts").ShouldBeNull();
        var setup = await visitor.GetPageAsync("/Setup");
        setup.QuerySelector("input[name='Input.SetupCode']").ShouldNotBeNull();

        var withoutCode = await visitor.SubmitAsync("/Setup", FirstAdministrator(null));
        (await HtmlForms.ParseAsync(withoutCode)).FieldError("SetupCode").ShouldNotBeNull().ShouldContain("That setup code is not right.");
        var guessed = await visitor.SubmitAsync("/Setup", FirstAdministrator("ABCD-EFGH-JKLM-NPQR-STUV"));
        (await HtmlForms.ParseAsync(guessed)).FieldError("SetupCode").ShouldNotBeNull();
        (await QueryAsync(app, db => db.Users.CountAsync())).ShouldBe(0);

        var code = app.SetupCodeFromLog();
        code.Length.ShouldBe(24); // 20 characters from 32, in groups of four: 100 random bits
        (await visitor.SubmitAsync("/Setup", FirstAdministrator(code))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await QueryAsync(app, db => db.Users.SingleAsync())).Role.ShouldBe(UserRole.Administrator);
        (await Visitor(app).GetAsync(new Uri("/Setup", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_embedded_default_outside_development_has_no_demo_either()
    {
        await using var app = Start("Sqlite", _folder.SqliteFile("App_Data", "trustadvisor.db"), demoData: null);

        (await QueryAsync(app, db => db.Users.CountAsync())).ShouldBe(0);
        (await Visitor(app).GetPageAsync("/Account/SignIn")).QuerySelector(".demo-accounts").ShouldBeNull();
        app.SetupCodeFromLog().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Dotnet_run_in_development_keeps_the_demo_and_setup_asks_for_no_code()
    {
        await using var app = Start("Sqlite", _folder.SqliteFile("App_Data", "trustadvisor.db"), demoData: null, environment: "Development");

        (await QueryAsync(app, db => db.Users.CountAsync(u => u.IsDemo && u.IsActive))).ShouldBeGreaterThanOrEqualTo(3);
        (await Visitor(app).GetPageAsync("/Account/SignIn")).QuerySelectorAll(".demo-accounts tbody tr").Length.ShouldBe(3);
        app.Logs.Lines.ShouldNotContain(line => line.Contains("setup code", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_data_asked_for_outside_development_is_said_at_start_and_on_the_sign_in_page()
    {
        await using var app = Start("Postgres", await (await PostgresServer.GetAsync()).CreateDatabaseAsync(), demoData: true);

        app.Logs.Lines.ShouldContain(line => line.StartsWith("Warning", StringComparison.Ordinal)
            && line.Contains("Demo data is on", StringComparison.Ordinal) && line.Contains("published passwords", StringComparison.Ordinal));
        var demo = (await Visitor(app).GetPageAsync("/Account/SignIn")).QuerySelector(".demo-accounts").ShouldNotBeNull();
        demo.TextContent.ShouldContain("These accounts are public");
    }

    [Fact]
    public async Task Turning_demo_data_off_deactivates_the_demo_accounts_at_the_next_start()
    {
        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
        await using (var withDemo = Start("Postgres", connectionString, demoData: true))
        {
            (await QueryAsync(withDemo, db => db.Users.CountAsync(u => u.IsDemo && u.IsActive))).ShouldBeGreaterThanOrEqualTo(3);
        }

        await using var app = Start("Postgres", connectionString, demoData: null);

        (await QueryAsync(app, db => db.Users.CountAsync(u => u.IsDemo && u.IsActive))).ShouldBe(0);
        (await QueryAsync(app, db => db.Users.CountAsync(u => u.IsDemo))).ShouldBeGreaterThanOrEqualTo(3);
        var (email, password, _, _) = AccountSeeder.DemoAccounts.Single(a => a.Role == UserRole.Administrator);
        var signIn = await Visitor(app).SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = password });
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(signIn)).QuerySelector(".demo-accounts").ShouldBeNull();
    }

    public void Dispose() => _folder.Dispose();
}
