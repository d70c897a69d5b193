using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Tests.Mail;

/// <summary>A sharp drop reaches the team's manager within minutes, at most one alert email per quarter hour.</summary>
public class DropAlertTests(MailApp app) : IClassFixture<MailApp>
{
    private async Task RunAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScheduledMailRun>().RunAsync(MailKind.DropAlert, CancellationToken.None);
    }

    private Task<List<OutboxMessage>> AlertsOfAsync(AppUser manager) =>
        app.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.RecipientId == manager.Id && m.Kind == MailKind.DropAlert)
            .OrderBy(m => m.CreatedAt).ToListAsync());

    [Fact]
    public async Task Drops_are_batched_into_one_alert_a_quarter_hour_each_drop_told_once()
    {
        var start = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        app.Clock.Now = start;
        var team = await app.CreateTeamAsync($"Alert team {Guid.NewGuid():N}"[..24]);
        var manager = await app.CreatePersonAsync($"alerts.{Guid.NewGuid():N}@firm.test", UserRole.Manager, team.Id);
        var quiet = await app.CreatePersonAsync($"no.alerts.{Guid.NewGuid():N}@firm.test", UserRole.Manager, team.Id);
        await app.QueryAsync(async db =>
        {
            db.MailPreferences.Add(new MailPreferences { UserId = quiet.Id, DropAlerts = false });
            return await db.SaveChangesAsync();
        });
        var advisor = await app.CreatePersonAsync($"alerts.advisor.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, team.Id);
        var first = await app.AddRelationshipAsync("First Drop Ltd", owner: advisor);
        var second = await app.AddRelationshipAsync("Second Drop Ltd", owner: advisor);
        var steady = await app.AddRelationshipAsync("Steady Ltd", owner: advisor);
        foreach (var relationship in new[] { first, second, steady })
        {
            await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-30), new TrustFactors(8, 8, 8, 2));
        }

        await RunAsync();
        (await AlertsOfAsync(manager)).ShouldBeEmpty("first scores are not drops");

        app.Clock.Now = start.AddMinutes(61); // 10:01
        await app.AddAssessmentAsync(first.Id, app.Today, new TrustFactors(8, 8, 8, 4)); // 12.0 → 6.0
        await app.AddAssessmentAsync(steady.Id, app.Today, new TrustFactors(8, 8, 7, 2)); // 12.0 → 11.5, not sharp
        await RunAsync();
        app.Clock.Now = start.AddMinutes(65); // 10:05, the same quarter hour
        await app.AddAssessmentAsync(second.Id, app.Today, new TrustFactors(5, 5, 5, 3)); // 12.0 → 5.0
        await RunAsync();
        (await AlertsOfAsync(manager)).ShouldHaveSingleItem();
        await app.DeliverDueAsync();
        await app.Smtp.WaitForAsync(manager.Email!);

        app.Clock.Now = start.AddMinutes(76); // 10:16, the next quarter hour
        await RunAsync();
        await RunAsync();
        var alerts = await AlertsOfAsync(manager);
        alerts.Count.ShouldBe(2);
        (await AlertsOfAsync(quiet)).ShouldBeEmpty("they turned alerts off");

        await app.DeliverDueAsync();
        var messages = (await app.Smtp.WaitForAsync(manager.Email!, 2)).OrderBy(m => m.Subject, StringComparer.Ordinal).ToList();
        messages.Select(m => m.Subject).ShouldBe(["Sharp drop: First Drop Ltd", "Sharp drop: Second Drop Ltd"]);
        var text = messages[0].TextBody ?? "";
        text.ShouldContain($"First Drop Ltd (owned by {advisor.DisplayName}): down 50%. T fell from 12.0 to 6.0, because self-orientation rose from 2 to 4.");
        text.ShouldContain($"{MailApp.PublicUrl}Relationships/Details/{first.Id}");
        text.ShouldNotContain("Steady Ltd");
        (messages[1].TextBody ?? "").ShouldNotContain("First Drop Ltd", customMessage: "each drop is told once");
        messages[1].Headers["List-Unsubscribe"].ShouldStartWith($"<{MailApp.PublicUrl}mail/unsubscribe/");
    }

    [Fact]
    public async Task A_drop_in_another_team_the_manager_looks_after_is_in_their_alert()
    {
        app.Clock.Now = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        var own = await app.CreateTeamAsync($"Own alerts {Guid.NewGuid():N}"[..20]);
        var other = await app.CreateTeamAsync($"Other alerts {Guid.NewGuid():N}"[..20]);
        var manager = await app.CreatePersonAsync($"alerts.two.{Guid.NewGuid():N}@firm.test", UserRole.Manager, own.Id);
        await app.QueryAsync(async db =>
        {
            db.ManagedTeams.Add(new ManagedTeam { UserId = manager.Id, TeamId = other.Id });
            return await db.SaveChangesAsync();
        });
        var advisor = await app.CreatePersonAsync($"alerts.other.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, other.Id);
        var relationship = await app.AddRelationshipAsync("Other Team Drop Ltd", owner: advisor);
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-30), new TrustFactors(8, 8, 8, 2));
        await RunAsync();

        app.Clock.Now = app.Clock.Now.AddMinutes(20);
        await app.AddAssessmentAsync(relationship.Id, app.Today, new TrustFactors(8, 8, 8, 4));
        await RunAsync();

        (await AlertsOfAsync(manager)).ShouldHaveSingleItem().Subject.ShouldBe("Sharp drop: Other Team Drop Ltd");
    }
}
