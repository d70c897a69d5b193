using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Admin.SignInPolicy;

/// <summary>An administrator requires two-factor of some roles; those without it set it up at their next sign-in.</summary>
public class IndexTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private async Task RequireAsync(TwoFactorRequirement requirement)
    {
        var admin = await app.CreateClientAsync();
        (await admin.SubmitAsync("/Admin/SignInPolicy", new Dictionary<string, string?> { ["TwoFactorRequiredFor"] = requirement.ToString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Required_of_managers_a_manager_without_it_sets_it_up_before_anything_else_and_an_advisor_carries_on()
    {
        var manager = await app.CreatePersonAsync($"m.{Guid.NewGuid():N}@firm.test", UserRole.Manager);
        var advisor = await app.CreatePersonAsync($"a.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var managerAlreadySignedIn = await app.CreateClientAsync(manager.Email!);
        await RequireAsync(TwoFactorRequirement.ManagersAndAdministrators);

        try
        {
            (await managerAlreadySignedIn.GetAsync(new Uri("/TeamDashboard", UriKind.Relative))).StatusCode
                .ShouldBe(HttpStatusCode.OK, "a session begun before the rule carries on until its next sign-in");
            (await (await app.CreateClientAsync(advisor.Email!)).GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

            var client = await app.CreateClientAsync(manager.Email!);
            foreach (var page in new[] { "/", "/TeamDashboard", "/Account/Settings", "/Relationships/Create" })
            {
                (await client.GetAsync(new Uri(page, UriKind.Relative))).Location().ShouldBe("/Account/TwoFactor");
            }

            var setup = await client.GetPageAsync("/Account/TwoFactor");
            setup.QuerySelector("[data-testid=required]").ShouldNotBeNull();
            var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent;
            (await client.SubmitAsync("/Account/TwoFactor", new Dictionary<string, string?> { ["Code"] = Authenticator.Code(key) })).StatusCode.ShouldBe(HttpStatusCode.OK);

            (await client.GetAsync(new Uri("/TeamDashboard", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "set up, the same session carries on");
            var page2 = await client.GetPageAsync("/Account/TwoFactor");
            page2.QuerySelector("button[formaction*='Off']").ShouldBeNull("required of a manager, it cannot be turned off");
            (await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Kind == AuditKind.TwoFactorRequired))).ShouldBeGreaterThanOrEqualTo(1);
        }
        finally
        {
            // Not through the page: the administrator is now one of those asked to set it up first.
            await app.QueryAsync(db => db.SignInPolicies.ExecuteDeleteAsync());
        }
    }

    [Theory]
    [InlineData("Sometimes")]
    [InlineData("")]
    [InlineData("7")]
    public async Task A_choice_that_is_not_one_of_the_three_gets_a_message_and_changes_nothing(string chosen)
    {
        var admin = await app.CreateClientAsync();

        var response = await admin.SubmitAsync("/Admin/SignInPolicy", new Dictionary<string, string?> { ["TwoFactorRequiredFor"] = chosen });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError("TwoFactorRequiredFor").ShouldBe("Choose who must use two-factor sign-in.");
        (await app.QueryAsync(db => db.SignInPolicies.Select(p => p.TwoFactorRequiredFor).FirstOrDefaultAsync())).ShouldBe(TwoFactorRequirement.Nobody);
    }

    [Fact]
    public async Task Keeping_passwords_for_administrators_without_single_sign_on_or_with_a_made_up_choice_is_refused_and_changes_nothing()
    {
        var admin = await app.CreateClientAsync();

        foreach (var (choice, error) in new[]
        {
            ("Nobody", "Choose who may sign in with a password."),
            ("AdministratorsOnly", "Single sign-on is not configured: passwords are everyone's way in (docs/single-sign-on.md says how to set it up)."),
        })
        {
            var response = await admin.SubmitAsync("/Admin/SignInPolicy", new Dictionary<string, string?> { ["PasswordsFor"] = choice });
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await HtmlForms.ParseAsync(response)).FieldError("PasswordsFor").ShouldBe(error);
        }

        (await app.QueryAsync(db => db.SignInPolicies.AnyAsync(p => p.PasswordsFor != PasswordSignIn.Everyone))).ShouldBeFalse();
    }
}

/// <summary>The rule is kept by the embedded database too.</summary>
public class IndexOnSqliteTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Required_of_everyone_an_advisor_is_sent_to_set_it_up()
    {
        var advisor = await app.CreatePersonAsync($"a.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var admin = await app.CreateClientAsync();
        (await admin.SubmitAsync("/Admin/SignInPolicy", new Dictionary<string, string?> { ["TwoFactorRequiredFor"] = "Everyone" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var client = await app.CreateClientAsync(advisor.Email!);

        (await client.GetAsync(new Uri("/", UriKind.Relative))).Location().ShouldBe("/Account/TwoFactor");
        (await admin.GetPageAsync("/Admin/SignInPolicy")).QuerySelector("input[value=Everyone]")!.HasAttribute("checked").ShouldBeTrue();
    }
}
