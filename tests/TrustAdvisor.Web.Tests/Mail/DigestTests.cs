using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Tests.Mail;

/// <summary>A manager's Monday digest of the week before, through the outbox to a real SMTP server.</summary>
public class DigestTests(MailApp app) : IClassFixture<MailApp>
{
    private static readonly DateTimeOffset MondayEight = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero); // 08:00 in UTC, the default zone

    private async Task<int> RunAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScheduledMailRun>().RunAsync(MailKind.WeeklyDigest, CancellationToken.None);
    }

    private Task<List<OutboxMessage>> DigestsOfAsync(AppUser manager) =>
        app.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.RecipientId == manager.Id && m.Kind == MailKind.WeeklyDigest).ToListAsync());

    [Fact]
    public async Task On_Monday_morning_the_manager_gets_the_week_with_the_slipping_relationship_its_driver_and_the_overdue_reviews()
    {
        app.Clock.Now = MondayEight.AddMinutes(-1);
        var team = await app.CreateTeamAsync($"Digest team {Guid.NewGuid():N}"[..24]);
        var manager = await app.CreatePersonAsync($"digest.{Guid.NewGuid():N}@firm.test", UserRole.Manager, team.Id);
        var advisor = await app.CreatePersonAsync($"digest.advisor.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, team.Id);
        var slipping = await app.AddRelationshipAsync("Slipping Co", owner: advisor, nextReview: new DateOnly(2026, 12, 20));
        await app.AddAssessmentAsync(slipping.Id, new DateOnly(2026, 11, 10), new TrustFactors(8, 8, 8, 2));
        await app.AddAssessmentAsync(slipping.Id, new DateOnly(2026, 11, 25), new TrustFactors(8, 8, 8, 4));
        var overdue = await app.AddRelationshipAsync("Overdue Co", owner: advisor, nextReview: new DateOnly(2026, 11, 20));
        await app.AddAssessmentAsync(overdue.Id, new DateOnly(2026, 10, 1), new TrustFactors(6, 6, 6, 3));
        var unsubscribed = await app.CreatePersonAsync($"no.digest.{Guid.NewGuid():N}@firm.test", UserRole.Manager, team.Id);
        await app.QueryAsync(async db =>
        {
            db.MailPreferences.Add(new MailPreferences { UserId = unsubscribed.Id, WeeklyDigest = false });
            return await db.SaveChangesAsync();
        });

        await RunAsync();
        (await DigestsOfAsync(manager)).ShouldBeEmpty("07:59");

        app.Clock.Now = MondayEight;
        await RunAsync();
        await RunAsync();
        (await DigestsOfAsync(manager)).ShouldHaveSingleItem().Key.ShouldEndWith(":2026-11-30");
        (await DigestsOfAsync(unsubscribed)).ShouldBeEmpty("they turned the digest off");

        await app.DeliverDueAsync();
        var message = (await app.Smtp.WaitForAsync(manager.Email!)).ShouldHaveSingleItem();
        message.Subject.ShouldBe($"{team.Name}: the week of 23 Nov 2026");
        var text = message.TextBody ?? "";
        text.ShouldContain($"Slipping Co ({advisor.DisplayName}): T fell from 12.0 to 6.0, because self-orientation rose from 2 to 4.");
        text.ShouldContain($"{MailApp.PublicUrl}Relationships/Details/{slipping.Id}");
        text.ShouldContain($"Overdue reviews\n- {advisor.DisplayName}: 1");
        text.ShouldContain("Median T 6.0, -3.0 on a week earlier (9.0)."); // 6.0 and 6.0 now; 12.0 and 6.0 before
        text.ShouldContain($"{MailApp.PublicUrl}TeamDashboard?team={team.Id}&period=custom&from=2026-11-23&to=2026-11-29");
        message.Headers["List-Unsubscribe"].ShouldStartWith($"<{MailApp.PublicUrl}mail/unsubscribe/");

        app.Clock.Now = MondayEight.AddDays(1);
        await RunAsync();
        (await DigestsOfAsync(manager)).Count.ShouldBe(1, "Tuesday adds nothing");
    }

    [Fact]
    public async Task A_manager_who_looks_after_another_team_gets_a_digest_for_each_team()
    {
        app.Clock.Now = MondayEight;
        var own = await app.CreateTeamAsync($"Own team {Guid.NewGuid():N}"[..20]);
        var other = await app.CreateTeamAsync($"Other team {Guid.NewGuid():N}"[..20]);
        var manager = await app.CreatePersonAsync($"two.teams.{Guid.NewGuid():N}@firm.test", UserRole.Manager, own.Id);
        await app.QueryAsync(async db =>
        {
            db.ManagedTeams.Add(new ManagedTeam { UserId = manager.Id, TeamId = other.Id });
            return await db.SaveChangesAsync();
        });
        foreach (var team in new[] { own, other })
        {
            var advisor = await app.CreatePersonAsync($"advisor.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, team.Id);
            var relationship = await app.AddRelationshipAsync($"{team.Name} Client", owner: advisor);
            await app.AddAssessmentAsync(relationship.Id, new DateOnly(2026, 11, 25), team == own ? new TrustFactors(8, 8, 8, 2) : new TrustFactors(7, 7, 7, 3));
        }

        await RunAsync();
        await RunAsync();

        (await DigestsOfAsync(manager)).Select(m => m.Key).Order(StringComparer.Ordinal)
            .ShouldBe([$"digest:{manager.Id:N}:2026-11-30", $"digest:{manager.Id:N}:2026-11-30:{other.Id:N}"]);
        await app.DeliverDueAsync();
        var messages = await app.Smtp.WaitForAsync(manager.Email!, 2);
        messages.Select(m => m.Subject).ShouldBe([$"{own.Name}: the week of 23 Nov 2026", $"{other.Name}: the week of 23 Nov 2026"], ignoreOrder: true);
        var aboutOther = messages.Single(m => m.Subject?.StartsWith(other.Name, StringComparison.Ordinal) == true).TextBody ?? "";
        aboutOther.ShouldContain($"{other.Name}'s week");
        aboutOther.ShouldContain("Median T 7.0", customMessage: "the other team's one score, not the own team's 12.0");
        aboutOther.ShouldContain($"TeamDashboard?team={other.Id}&");
    }
}
