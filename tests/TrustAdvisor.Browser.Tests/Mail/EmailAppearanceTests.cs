using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Mail.AccountNotices;
using TrustAdvisor.Web.Mail.PasswordReset;
using TrustAdvisor.Web.Mail.Sending;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Browser.Tests.Mail;

/// <summary>
/// Every kind of email as a mail program on a phone shows it, in light and in dark: photographed into the test
/// output's screenshots folder, checked by axe (contrast included) and for sideways scrolling. The scheduled kinds are
/// the samples the demo's advisor and manager would get now.
/// </summary>
[Collection(BrowserGroup.Name)]
public class EmailAppearanceTests(BrowserApp app)
{
    [Fact]
    public async Task Each_kind_of_email_reads_on_a_phone_in_light_and_dark()
    {
        var emails = await ComposeEveryKindAsync();
        emails.Select(e => e.Kind).ShouldBe(
            [MailKind.Reminder, MailKind.WeeklyDigest, MailKind.DropAlert, MailKind.PasswordReset, MailKind.PasswordChanged, MailKind.Invitation], ignoreOrder: true);

        await using var visit = await app.VisitAsync(Device.Phone, "email");
        await visit.RunAsync(async v =>
        {
            foreach (var (kind, html) in emails)
            {
                await v.Page.SetContentAsync(html);
                var light = await BackgroundAsync(v.Page);
                await v.SeeAsync($"{kind}");
                await v.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
                (await BackgroundAsync(v.Page)).ShouldNotBe(light, $"the {kind} email has no dark colours");
                await v.SeeAsync($"{kind}-dark");
                await v.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
            }
        });
    }

    private static Task<string> BackgroundAsync(IPage page) => page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private async Task<List<(MailKind Kind, string Html)>> ComposeEveryKindAsync()
    {
        var advisor = await IdOfAsync(People.Advisor.Email);
        var manager = await IdOfAsync(People.Manager.Email);
        // Something for each to say whatever the journeys did to the demo before: a sharp drop, a review overdue.
        var drop = await ScoreASharpDropAsync(advisor);
        var overdue = await RelationshipOverdueAsync(advisor);
        var emails = new List<(MailKind, string)>();
        try
        {
            await ComposeAsync(advisor, manager, emails);
        }
        finally
        {
            // The journeys share the demo: take the made-up score and relationship back out.
            await app.QueryAsync(db => db.Assessments.Where(a => a.Id == drop).ExecuteDeleteAsync());
            await app.QueryAsync(db => db.Relationships.Where(r => r.Id == overdue).ExecuteDeleteAsync());
        }

        return emails;
    }

    private Task ComposeAsync(Guid advisor, Guid manager, List<(MailKind, string)> emails) =>
        app.WithServicesAsync(async services =>
        {
            var samples = services.GetRequiredService<MailSamples>();
            foreach (var (kind, recipient) in new[] { (MailKind.Reminder, advisor), (MailKind.WeeklyDigest, manager), (MailKind.DropAlert, manager) })
            {
                var sample = await samples.ComposeAsync(kind, recipient, CancellationToken.None);
                sample.ShouldNotBeNull($"the demo has nothing for a {kind} to say");
                emails.Add((kind, sample.HtmlBody));
            }

            var secrets = services.GetRequiredService<MailSecrets>();
            var reset = await PasswordResetMail.ComposeAsync(
                services.GetRequiredService<MailRenderer>(), secrets, advisor, People.Advisor.Email, "Alex",
                new Uri("https://trust.example.test/Account/ResetPassword?person=1&token=2"), TimeSpan.FromHours(2), DateTime.UtcNow);
            emails.Add((MailKind.PasswordReset, secrets.Unseal(reset).Html));
            var invitation = await Web.Mail.Invitations.InvitationMail.ComposeAsync(
                services.GetRequiredService<MailRenderer>(), secrets, advisor, People.Advisor.Email, "Alex", "Morgan Manager",
                new Uri("https://trust.example.test/Account/Invitation?person=1&token=2"), TimeSpan.FromDays(7), DateTime.UtcNow);
            emails.Add((MailKind.Invitation, secrets.Unseal(invitation).Html));

            var db = services.GetRequiredService<TrustAdvisorDbContext>();
            var person = await db.Users.SingleAsync(u => u.Id == advisor);
            await services.GetRequiredService<SecurityNotices>().PasswordChangedAsync(person, "by you", CancellationToken.None);
            emails.Add((MailKind.PasswordChanged, await db.OutboxMessages
                .Where(m => m.RecipientId == advisor && m.Kind == MailKind.PasswordChanged).OrderByDescending(m => m.CreatedAt)
                .Select(m => m.HtmlBody).FirstAsync()));
        });

    /// <summary>A new score of one of the advisor's relationships a step below the one before: what a drop alert reports.</summary>
    private async Task<Guid> ScoreASharpDropAsync(Guid advisor)
    {
        var id = Guid.CreateVersion7();
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<TrustAdvisorDbContext>();
            var latest = await db.CurrentAssessmentsNewestFirst
                .Where(a => db.Relationships.Any(r => r.Id == a.RelationshipId && r.OwnerId == advisor && r.ArchivedAt == null))
                .FirstAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var fallen = new TrustFactors(1, 1, 1, 10);
            db.Assessments.Add(Assessment.Record(
                id, latest.RelationshipId, advisor, new ScoredMeeting(today, MeetingKind.Call, fallen, "The call went badly."), DateTime.UtcNow, today));
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>A relationship of the advisor's, never scored, whose review was due yesterday: what a reminder lists.</summary>
    private Task<Guid> RelationshipOverdueAsync(Guid advisor) => app.QueryAsync(async db =>
    {
        var teamId = await db.Users.Where(u => u.Id == advisor).Select(u => u.TeamId!.Value).SingleAsync();
        var relationship = await TestClients.AddRelationshipAsync(db, new RelationshipDetails($"Overdue {Guid.NewGuid():N}"[..20], "Sam Lee", "Finance director", RelationshipStage.Establish, app.Clock.Today.AddDays(-1)), advisor, teamId, app.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return relationship.Id;
    });

    private Task<Guid> IdOfAsync(string email) => app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
