using System.Net;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Account;

public class PasswordTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Theory]
    [InlineData("wrong current one", "a new passphrase!", "a new passphrase!", "CurrentPassword", "That is not your current password")]
    [InlineData(AppFixture.Password, "short", "short", "NewPassword", "at least 12 characters")]
    [InlineData(AppFixture.Password, "a new passphrase!", "a different one!!", "ConfirmPassword", "The two passwords are not the same.")]
    [InlineData(AppFixture.Password, "1QAZ2WSX3EDC", "1QAZ2WSX3EDC", "NewPassword", "one of the most common in lists of breached passwords")]
    public async Task Bad_input_gets_a_message_and_changes_nothing(string current, string next, string confirm, string field, string message)
    {
        var person = await app.CreatePersonAsync($"changer.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var client = await app.CreateClientAsync(person.Email!);

        var response = await client.SubmitAsync("/Account/Password", new Dictionary<string, string?>
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = next,
            ["ConfirmPassword"] = confirm,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError(field).ShouldNotBeNull().ShouldContain(message);
        (await app.CreateClientAsync(person.Email!)).ShouldNotBeNull(); // the old password still works
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_the_new_one_works()
    {
        var person = await app.CreatePersonAsync($"changer.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var client = await app.CreateClientAsync(person.Email!);

        var response = await client.SubmitAsync("/Account/Password", new Dictionary<string, string?>
        {
            ["CurrentPassword"] = AppFixture.Password,
            ["NewPassword"] = "a new passphrase!",
            ["ConfirmPassword"] = "a new passphrase!",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var visitor = app.CreateAnonymousClient();
        (await visitor.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = person.Email, ["Password"] = "a new passphrase!" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await Should.ThrowAsync<InvalidOperationException>(() => app.CreateClientAsync(person.Email!));
    }
}
