using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using TrustAdvisor.Domain.Teams;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Pages.Account;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Account;

/// <summary>Invitations: an administrator adds people, each chooses their own password through an emailed link that works once.</summary>
public class InvitationTests(MailApp app) : IClassFixture<MailApp>
{
    private static string Unique(string name) => $"{name}.{Guid.NewGuid():N}@firm.test";

    internal static Uri LinkIn(MimeMessage message) =>
        new(Regex.Match(message.TextBody ?? "", @"https://\S+/Account/Invitation\?\S+").Value);

    private async Task<Uri> InviteAsync(string email, string role = "Advisor")
    {
        var admin = await app.CreateClientAsync();
        (await admin.SubmitAsync("/Admin/People/Invite", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "Jane Invited",
            ["Input.Email"] = email,
            ["Input.Role"] = role,
            ["Input.TeamId"] = app.Team.Id.ToString(),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return LinkIn((await app.Smtp.WaitForAsync(email))[^1]);
    }

    private static Task<HttpResponseMessage> JoinAsync(HttpClient visitor, Uri link, string password, string? confirm = null) =>
        visitor.SubmitAsync(link.PathAndQuery, new Dictionary<string, string?> { ["NewPassword"] = password, ["ConfirmPassword"] = confirm ?? password });

    private static void ShouldRefuse(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        page.QuerySelector("[role=alert]")!.TextContent.ShouldBe(InvitationModel.LinkRefused);
        page.QuerySelector("input[type=password]").ShouldBeNull();
    }

    [Fact]
    public async Task The_invited_person_chooses_their_password_through_the_link_is_signed_in_and_the_link_then_refuses()
    {
        var email = Unique("jane");
        var link = await InviteAsync(email);
        link.GetLeftPart(UriPartial.Authority).ShouldBe(MailApp.PublicUrl.TrimEnd('/'));
        var visitor = app.CreateAnonymousClient();
        (await visitor.GetPageAsync(link.PathAndQuery)).QuerySelector(".lead")!.TextContent.ShouldContain(email);
        var elsewhere = app.CreateAnonymousClient();
        var openedElsewhere = await elsewhere.ReadFormAsync(link.PathAndQuery);

        var response = await JoinAsync(visitor, link, "my own passphrase now");

        response.Location().ShouldBe("/");
        (await visitor.GetAsync(new Uri("/Account/Settings", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.CreateAnonymousClient().SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = "my own passphrase now" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ShouldRefuse(await app.CreateAnonymousClient().GetPageAsync(link.PathAndQuery));
        openedElsewhere.Fields["NewPassword"] = openedElsewhere.Fields["ConfirmPassword"] = "a second passphrase";
        ShouldRefuse(await HtmlForms.ParseAsync(await elsewhere.PostFormAsync(openedElsewhere.Action, openedElsewhere.Fields)));
        var person = await app.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));
        (await app.QueryAsync(db => db.AuditEvents.Where(e => e.SubjectId == person.Id).Select(e => e.Kind).ToListAsync()))
            .ShouldBe([AuditKind.InvitationSent, AuditKind.InvitationAccepted, AuditKind.SignInSucceeded], ignoreOrder: true);
        (await app.QueryAsync(db => db.OutboxMessages.Where(m => m.RecipientId == person.Id).Select(m => m.TextBody).SingleAsync()))
            .ShouldNotContain(link.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("token=", StringComparison.Ordinal))[6..], customMessage: "the outbox keeps the link sealed");
    }

    [Theory]
    [InlineData("short", "short", "NewPassword", "at least 12 characters")]
    [InlineData("qwerty123456", "qwerty123456", "NewPassword", "one of the most common in lists of breached passwords")]
    [InlineData("my own passphrase", "another one entirely", "ConfirmPassword", "The two passwords are not the same.")]
    public async Task A_password_that_will_not_do_gets_a_message_and_the_link_still_works(string password, string confirm, string field, string message)
    {
        var email = Unique("picky");
        var link = await InviteAsync(email);

        var response = await JoinAsync(app.CreateAnonymousClient(), link, password, confirm);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError(field).ShouldNotBeNull().ShouldContain(message);
        (await app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync())).ShouldBeNull();
        (await JoinAsync(app.CreateAnonymousClient(), link, "a good passphrase at last")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_tampered_link_a_withdrawn_invitation_and_a_link_sent_again_are_refused_and_change_nothing()
    {
        var email = Unique("withdrawn");
        var first = await InviteAsync(email);
        var person = await app.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));
        var visitor = app.CreateAnonymousClient();
        ShouldRefuse(await visitor.GetPageAsync(first.PathAndQuery.Replace("token=", "token=x", StringComparison.Ordinal)));
        ShouldRefuse(await visitor.GetPageAsync(first.PathAndQuery.Replace(person.Id.ToString(), app.Admin.Id.ToString(), StringComparison.Ordinal)));
        ShouldRefuse(await visitor.GetPageAsync("/Account/Invitation"));

        var admin = await app.CreateClientAsync();
        (await admin.SubmitAsync("/Admin/People", new Dictionary<string, string?>(), $"tr[data-email='{email}'] form[action*='Resend']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var second = LinkIn((await app.Smtp.WaitForAsync(email, count: 2))[^1]);
        ShouldRefuse(await visitor.GetPageAsync(first.PathAndQuery));
        var openedBeforeWithdrawal = await visitor.ReadFormAsync(second.PathAndQuery);

        (await admin.SubmitAsync("/Admin/People", new Dictionary<string, string?>(), $"tr[data-email='{email}'] form[action*='Withdraw']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ShouldRefuse(await visitor.GetPageAsync(second.PathAndQuery));
        openedBeforeWithdrawal.Fields["NewPassword"] = openedBeforeWithdrawal.Fields["ConfirmPassword"] = "a passphrase anyway";
        ShouldRefuse(await HtmlForms.ParseAsync(await visitor.PostFormAsync(openedBeforeWithdrawal.Action, openedBeforeWithdrawal.Fields)));
        (await admin.GetPageAsync("/Admin/People")).QuerySelector($"tr[data-email='{email}']")!.TextContent.ShouldContain("Invitation withdrawn");
        (await app.QueryAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.PasswordHash).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task Several_people_pasted_as_lines_are_all_invited()
    {
        var (ann, bob, cy) = (Unique("ann"), Unique("bob"), Unique("cy"));
        var admin = await app.CreateClientAsync();

        var response = await admin.SubmitAsync("/Admin/People/Invite", new Dictionary<string, string?>
        {
            ["Lines"] = $"Ann Able, {ann}, Advisor, {app.Team.Name}\r\nBob Baker; {bob}; manager; {app.Team.Name.ToUpperInvariant()}\n\nCy Cole\t{cy}\tAdministrator\n",
        }, "form.form-many");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var people = await app.QueryAsync(db => db.Users.Where(u => u.Email == ann || u.Email == bob || u.Email == cy)
            .OrderBy(u => u.Email).Select(u => new { u.DisplayName, u.Role, u.TeamId }).ToListAsync());
        people.Select(p => (p.DisplayName, p.Role, p.TeamId)).ShouldBe(
            [("Ann Able", UserRole.Advisor, (Guid?)app.Team.Id), ("Bob Baker", UserRole.Manager, app.Team.Id), ("Cy Cole", UserRole.Administrator, null)]);
        foreach (var email in new[] { ann, bob, cy })
        {
            LinkIn((await app.Smtp.WaitForAsync(email)).Single()).ShouldNotBeNull();
        }
    }

    [Theory]
    [InlineData("Dee Dale, {new}, Advisor, {team}\nEve Ellis, not-an-email, Advisor, {team}", "Line 2: Enter a valid email address")]
    [InlineData("Dee Dale, {new}, Wizard, {team}", "Line 1: the role \"Wizard\" is not Advisor, Manager or Administrator.")]
    [InlineData("Dee Dale, {new}, Advisor, No Such Team", "Line 1: there is no team called \"No Such Team\".")]
    [InlineData("Dee Dale, {new}, Advisor", "Line 1: Advisors and managers work in a team: choose one.")]
    [InlineData("Dee Dale {new} Advisor", "Line 1: write name, email, role and team, separated by commas.")]
    [InlineData("Dee Dale, {new}, Advisor, {team}\nDee Again, {new}, Advisor, {team}", "Line 2: someone already signs in with that email, or it is on another line too.")]
    [InlineData("Dee Dale, {admin}, Advisor, {team}", "Line 1: someone already signs in with that email")]
    [InlineData("", "Paste one line per person: name, email, role, team.")]
    public async Task A_wrong_line_gets_a_message_naming_it_and_nobody_is_invited(string lines, string message)
    {
        var fresh = Unique("dee");
        var admin = await app.CreateClientAsync();
        var before = await app.QueryAsync(db => db.Users.CountAsync());

        var response = await admin.SubmitAsync("/Admin/People/Invite", new Dictionary<string, string?>
        {
            ["Lines"] = lines.Replace("{new}", fresh, StringComparison.Ordinal).Replace("{team}", app.Team.Name, StringComparison.Ordinal)
                .Replace("{admin}", AppFixture.AdminEmail, StringComparison.Ordinal),
        }, "form.form-many");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError("Lines").ShouldNotBeNull().ShouldContain(message);
        (await app.QueryAsync(db => db.Users.CountAsync())).ShouldBe(before);
        (await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == fresh))).ShouldBe(0);
    }
}

public class InvitationTeamNameTests(MailApp app) : IClassFixture<MailApp>
{
    [Fact]
    public async Task A_team_name_that_two_teams_share_but_for_capitals_is_refused_instead_of_guessed()
    {
        var name = $"Audit {Guid.NewGuid():N}"[..20];
        await app.QueryAsync(db =>
        {
            db.Teams.Add(new Team(Guid.CreateVersion7(), name.ToUpperInvariant(), DateTime.UtcNow));
            db.Teams.Add(new Team(Guid.CreateVersion7(), name.ToLowerInvariant(), DateTime.UtcNow));
            return db.SaveChangesAsync();
        });
        var admin = await app.CreateClientAsync();

        var response = await admin.SubmitAsync("/Admin/People/Invite", new Dictionary<string, string?>
        {
            ["Lines"] = $"Fay Ford, fay.{Guid.NewGuid():N}@firm.test, Advisor, {name}",
        }, "form.form-many");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError("Lines").ShouldNotBeNull().ShouldContain("more than one team is called");
    }
}

/// <summary>The mail app with invitations that expire after six seconds: Identity's tokens read the system clock.</summary>
public sealed class ShortInvitationApp : MailApp
{
    public override IReadOnlyDictionary<string, string> MailSettings => new Dictionary<string, string>(base.MailSettings)
    {
        ["Mail:InvitationValidFor"] = TimeSpan.FromSeconds(6).ToString(),
    };
}

public class ExpiredInvitationTests(ShortInvitationApp app) : IClassFixture<ShortInvitationApp>
{
    [Fact]
    public async Task An_invitation_used_after_it_expired_says_so_and_changes_nothing()
    {
        var email = $"late.{Guid.NewGuid():N}@firm.test";
        var admin = await app.CreateClientAsync();
        await admin.SubmitAsync("/Admin/People/Invite", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "Late Larry",
            ["Input.Email"] = email,
            ["Input.Role"] = "Advisor",
            ["Input.TeamId"] = app.Team.Id.ToString(),
        });
        var message = (await app.Smtp.WaitForAsync(email)).Single();
        (message.TextBody ?? "").ShouldContain("The link works once, for 6 seconds.");
        var link = InvitationTests.LinkIn(message);
        var visitor = app.CreateAnonymousClient();
        var opened = await visitor.ReadFormAsync(link.PathAndQuery);

        await Task.Delay(TimeSpan.FromSeconds(7), TestContext.Current.CancellationToken);
        opened.Fields["NewPassword"] = opened.Fields["ConfirmPassword"] = "too late for this one";
        var page = await HtmlForms.ParseAsync(await visitor.PostFormAsync(opened.Action, opened.Fields));

        page.QuerySelector("[role=alert]")!.TextContent.ShouldBe(InvitationModel.LinkRefused);
        (await app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync())).ShouldBeNull();
    }
}
