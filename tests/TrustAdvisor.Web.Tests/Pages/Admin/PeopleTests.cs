using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Admin;

public class PeopleTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private Dictionary<string, string?> Person(string email) => new()
    {
        ["Input.DisplayName"] = "New Hire",
        ["Input.Email"] = email,
        ["Input.Role"] = "Advisor",
        ["Input.TeamId"] = app.Team.Id.ToString(),
    };

    private static string Unique(string name) => $"{name}.{Guid.NewGuid():N}@firm.test";

    [Theory]
    [InlineData(UserRole.Advisor)]
    [InlineData(UserRole.Manager)]
    public async Task Only_administrators_find_the_administration_pages(UserRole role)
    {
        var person = await app.CreatePersonAsync(Unique(role.ToString()), role);
        var client = await app.CreateClientAsync(person.Email!);

        foreach (var url in new[] { "/Admin/People", "/Admin/People/Invite", "/Admin/Teams", $"/Admin/People/Password/{person.Id}" })
        {
            (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        var (_, form) = await client.ReadFormAsync("/Account/Password");
        (await client.PostFormAsync($"/Admin/People?handler=Deactivate&id={app.Admin.Id}", form)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == app.Admin.Id))).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task An_invited_person_is_listed_as_not_joined_and_cannot_sign_in_until_they_choose_a_password()
    {
        var admin = await app.CreateClientAsync();
        var email = Unique("new.hire");

        var response = await admin.SubmitAsync("/Admin/People/Invite", Person(email));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));
        (stored.Role, stored.TeamId, stored.IsActive, stored.PasswordHash).ShouldBe((UserRole.Advisor, app.Team.Id, true, null));
        (await admin.GetPageAsync("/Admin/People")).QuerySelector($"tr[data-email='{email}']")!.TextContent.ShouldContain("Invited, not joined yet");
        var visitor = app.CreateAnonymousClient();
        (await visitor.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = "any password at all" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK, "no password exists to sign in with");
    }

    public static TheoryData<string, string?, string, string> BadInputs() => new()
    {
        { "Input.DisplayName", "", "DisplayName", "Enter the person's name." },
        { "Input.Email", "nope", "Email", "Enter a valid email address" },
        { "Input.Email", AppFixture.AdminEmail, "Email", "Someone already signs in with that email." },
        { "Input.Role", "Overlord", "Role", "'Overlord' is not a valid value" },
        { "Input.TeamId", "", "TeamId", "Advisors and managers work in a team: choose one." },
        { "Input.TeamId", Guid.NewGuid().ToString(), "TeamId", "That team does not exist" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_a_message_and_adds_nobody(string field, string? value, string errorFor, string message)
    {
        var admin = await app.CreateClientAsync();
        var before = await app.QueryAsync(db => db.Users.CountAsync());
        var changes = Person(Unique("bad.input"));
        changes[field] = value;

        var response = await admin.SubmitAsync("/Admin/People/Invite", changes);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError(errorFor).ShouldNotBeNull().ShouldContain(message);
        (await app.QueryAsync(db => db.Users.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Deactivating_ends_the_persons_session_and_keeps_their_work()
    {
        var person = await app.CreatePersonAsync(Unique("leaver"), UserRole.Advisor);
        var relationship = await app.AddRelationshipAsync("Leaver's Client", owner: person);
        var theirSession = await app.CreateClientAsync(person.Email!);
        (await theirSession.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await app.CreateClientAsync();

        var response = await admin.SubmitAsync("/Admin/People", new Dictionary<string, string?>(), $"tr[data-email='{person.Email}'] form");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == person.Id))).IsActive.ShouldBeFalse();
        app.Clock.Now = app.Clock.Now.AddSeconds(1); // their next request comes later (the test clock stands still otherwise)
        var afterwards = await theirSession.GetAsync(new Uri("/", UriKind.Relative));
        afterwards.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterwards.Location().ShouldContain("/Account/SignIn");
        (await app.QueryAsync(db => db.Relationships.SingleAsync(r => r.Id == relationship.Id))).OwnerId.ShouldBe(person.Id);
        await Should.ThrowAsync<InvalidOperationException>(() => app.CreateClientAsync(person.Email!));
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_themselves()
    {
        var admin = await app.CreateClientAsync();

        await admin.SubmitAsync("/Admin/People", new Dictionary<string, string?>(), $"tr[data-email='{AppFixture.AdminEmail}'] form");

        (await app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == app.Admin.Id))).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task An_administrator_sends_a_reset_link_and_unlocks_but_never_sets_the_password()
    {
        var person = await app.CreatePersonAsync(Unique("forgetful"), UserRole.Advisor);
        await app.QueryAsync(db => db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddDays(1))));
        var admin = await app.CreateClientAsync();

        (await admin.GetPageAsync($"/Admin/People/Password/{person.Id}")).QuerySelectorAll("input[type=password]").ShouldBeEmpty();
        var response = await admin.SubmitAsync($"/Admin/People/Password/{person.Id}", new Dictionary<string, string?>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mail = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.RecipientId == person.Id).Select(m => m.Kind).ToListAsync());
        mail.ShouldBe([TrustAdvisor.Infrastructure.Mail.MailKind.PasswordReset]);
        (await app.QueryAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.LockoutEnd).SingleAsync())).ShouldBeNull();
        (await app.CreateClientAsync(person.Email!)).ShouldNotBeNull("the password stays as it was until the person uses the link");
    }
}
