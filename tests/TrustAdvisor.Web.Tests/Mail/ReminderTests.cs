using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Domain.Reminders;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Mail.Sending;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Mail;

/// <summary>An advisor's reminder, at their time in their zone, through the outbox to a real SMTP server.</summary>
public class ReminderTests(MailApp app) : IClassFixture<MailApp>
{
    private static async Task<int> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScheduledMailRun>().RunAsync(MailKind.Reminder, CancellationToken.None);
    }

    private async Task<AppUser> AdvisorInLondonAsync(ReminderFrequency frequency = ReminderFrequency.Daily)
    {
        var advisor = await app.CreatePersonAsync($"remind.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, app.Team.Id);
        await app.QueryAsync(async db =>
        {
            db.MailPreferences.Add(new MailPreferences
            {
                UserId = advisor.Id,
                TimeZone = "Europe/London",
                Reminder = frequency,
                ReminderDay = DayOfWeek.Monday,
                ReminderTime = new TimeOnly(8, 0),
            });
            return await db.SaveChangesAsync();
        });
        return advisor;
    }

    private Task<List<OutboxMessage>> RemindersOfAsync(AppUser person) =>
        app.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.RecipientId == person.Id && m.Kind == MailKind.Reminder).ToListAsync());

    [Fact]
    public async Task At_eight_in_their_zone_an_advisor_gets_what_is_due_once_with_a_link_to_each_score_form()
    {
        app.Clock.Now = new DateTimeOffset(2026, 11, 23, 7, 59, 0, TimeSpan.Zero); // a Monday, 07:59 in London (GMT)
        var advisor = await AdvisorInLondonAsync();
        var overdue = await app.AddRelationshipAsync("Overdue Review Ltd", owner: advisor, nextReview: app.Today.AddDays(-3));
        await app.AddAssessmentAsync(overdue.Id, app.Today.AddDays(-40), new TrustFactors(6, 6, 6, 3));
        var fresh = await app.AddRelationshipAsync("Fresh Ltd", owner: advisor, nextReview: app.Today.AddDays(30));
        await app.AddAssessmentAsync(fresh.Id, app.Today.AddDays(-1), new TrustFactors(7, 7, 7, 3));
        var never = await app.AddRelationshipAsync("Never Scored plc", owner: advisor);
        var quiet = await AdvisorInLondonAsync();
        var scored = await app.AddRelationshipAsync("All Good Ltd", owner: quiet, nextReview: app.Today.AddDays(30));
        await app.AddAssessmentAsync(scored.Id, app.Today.AddDays(-2), new TrustFactors(7, 7, 7, 3));

        await RunAsync(app.Factory.Services);
        (await RemindersOfAsync(advisor)).ShouldBeEmpty("07:59 in London");

        app.Clock.Now = app.Clock.Now.AddMinutes(1);
        await RunAsync(app.Factory.Services);
        await RunAsync(app.Factory.Services);
        var reminder = (await RemindersOfAsync(advisor)).ShouldHaveSingleItem();
        reminder.Key.ShouldBe($"reminder:{advisor.Id:N}:2026-11-23");
        (await RemindersOfAsync(quiet)).ShouldBeEmpty("nothing to say, nothing sent");

        await app.DeliverDueAsync();
        var message = (await app.Smtp.WaitForAsync(advisor.Email!)).ShouldHaveSingleItem();
        message.Subject.ShouldBe("2 relationships to score");
        var text = message.TextBody ?? "";
        text.ShouldContain("Overdue Review Ltd (Priya Shah): review was due on 20 Nov 2026");
        text.ShouldContain("Never Scored plc (Priya Shah): never scored");
        text.ShouldNotContain("Fresh Ltd");
        text.ShouldContain($"{MailApp.PublicUrl}Account/Settings");
        (message.HtmlBody ?? "").ShouldContain($"Score Overdue Review Ltd");

        foreach (var relationship in new[] { overdue, never })
        {
            var link = new Uri($"{MailApp.PublicUrl}Relationships/Score/{relationship.Id}");
            text.ShouldContain(link.AbsoluteUri);
            var own = await app.CreateClientAsync(advisor.Email!);
            (await own.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
            var other = await app.CreateClientAsync(quiet.Email!);
            (await other.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Commitments_due_today_or_overdue_come_in_the_reminder_with_a_link_that_opens_one_ready_to_mark_kept()
    {
        app.Clock.Now = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero); // a Tuesday, 08:00 in London
        var advisor = await AdvisorInLondonAsync();
        var relationship = await app.AddRelationshipAsync("Promise Keepers Ltd", owner: advisor, nextReview: app.Today.AddDays(30));
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-1), new TrustFactors(7, 7, 7, 3)); // nothing to score
        var overdue = await app.AddCommitmentAsync(relationship.Id, "Send the draft contract", madeDaysAgo: 8, dueInDays: -2, madeBy: advisor);
        var today = await app.AddCommitmentAsync(relationship.Id, "Call the auditors", madeDaysAgo: 1, dueInDays: 0, madeBy: advisor);
        await app.AddCommitmentAsync(relationship.Id, "Book the workshop", madeDaysAgo: 1, dueInDays: 5, madeBy: advisor);

        await RunAsync(app.Factory.Services);
        await app.DeliverDueAsync();

        var message = (await app.Smtp.WaitForAsync(advisor.Email!)).ShouldHaveSingleItem();
        message.Subject.ShouldBe("2 commitments due");
        var text = message.TextBody ?? "";
        text.ShouldNotContain("waiting for a score");
        text.ShouldContain("Promise Keepers Ltd: Send the draft contract, overdue since 22 Nov 2026");
        text.ShouldContain("Promise Keepers Ltd: Call the auditors, due today");
        text.ShouldNotContain("Book the workshop");
        (message.HtmlBody ?? "").ShouldContain("Mark it kept");
        var link = new Uri($"{MailApp.PublicUrl}Commitments/Settle/{overdue.Id}?outcome=Kept");
        text.ShouldContain(link.AbsoluteUri);
        text.ShouldContain($"Commitments/Settle/{today.Id}?outcome=Kept");

        var own = await app.CreateClientAsync(advisor.Email!);
        var page = await own.GetPageAsync(link.PathAndQuery);
        page.QuerySelector("input[name='Input.Outcome'][value=Kept]")!.HasAttribute("checked").ShouldBeTrue();
        var stranger = await app.CreatePersonAsync($"stranger.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, (await app.CreateTeamAsync($"Other {Guid.NewGuid():N}")).Id);
        (await (await app.CreateClientAsync(stranger.Email!)).GetAsync(new Uri(link.PathAndQuery, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_step_owner_who_owns_no_relationship_gets_their_due_recovery_steps()
    {
        app.Clock.Now = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero); // a Wednesday, 08:00 in London
        var owner = await AdvisorInLondonAsync();
        var helper = await AdvisorInLondonAsync();
        var relationship = await app.AddRelationshipAsync("Recovering Ltd", owner: owner, nextReview: app.Today.AddDays(30));
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-1), new TrustFactors(5, 3, 5, 5));
        var plan = Domain.Recovery.RecoveryPlan.Open(Guid.CreateVersion7(), relationship.Id, owner.Id, Factor.Reliability, "Missed deadlines.", app.Today.AddDays(20), app.Today.AddDays(-5));
        plan.AddStep(Guid.CreateVersion7(), "Reset the project dates with them", helper.Id, app.Today.AddDays(-1));
        plan.AddStep(Guid.CreateVersion7(), "Weekly note", helper.Id, app.Today.AddDays(4));
        await app.QueryAsync(db =>
        {
            db.RecoveryPlans.Add(plan);
            return db.SaveChangesAsync();
        });

        await RunAsync(app.Factory.Services);
        await app.DeliverDueAsync();

        var message = (await app.Smtp.WaitForAsync(helper.Email!)).ShouldHaveSingleItem();
        message.Subject.ShouldBe("1 recovery step due");
        var text = message.TextBody ?? "";
        text.ShouldContain("Recovering Ltd: Reset the project dates with them, overdue since 24 Nov 2026");
        text.ShouldContain($"{MailApp.PublicUrl}Recovery/Plan/{plan.Id}");
        text.ShouldNotContain("Weekly note");
        (await RemindersOfAsync(owner)).ShouldBeEmpty("the owner has nothing due");
    }

    [Fact]
    public async Task The_reminders_one_click_unsubscribe_works_without_signing_in_and_a_tampered_link_changes_nothing()
    {
        app.Clock.Now = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        var advisor = await AdvisorInLondonAsync();
        await app.AddRelationshipAsync("Unsubscribe Ltd", owner: advisor);
        await RunAsync(app.Factory.Services);
        await app.DeliverDueAsync();
        var message = (await app.Smtp.WaitForAsync(advisor.Email!)).ShouldHaveSingleItem();
        message.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        var header = message.Headers["List-Unsubscribe"];
        header.ShouldStartWith($"<{MailApp.PublicUrl}mail/unsubscribe/");
        var link = new Uri(header.Trim('<', '>'));
        (message.TextBody ?? "").ShouldContain($"Stop these reminders: {link.AbsoluteUri}");
        Task<MailPreferences> PreferencesAsync() => app.QueryAsync(db => db.MailPreferences.AsNoTracking().SingleAsync(p => p.UserId == advisor.Id));

        var visitor = app.CreateAnonymousClient();
        var asked = await visitor.GetPageAsync(link.PathAndQuery);
        asked.QuerySelector("h1")!.TextContent.ShouldBe("Stop these emails?");
        asked.QuerySelector("main")!.TextContent.ShouldContain(advisor.Email!);
        (await PreferencesAsync()).Reminder.ShouldBe(ReminderFrequency.Daily, "opening the link changes nothing");

        var tampered = link.PathAndQuery[..^3] + (link.PathAndQuery[^3..] == "AAA" ? "BBB" : "AAA");
        using (var refused = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }))
        {
            (await visitor.PostAsync(new Uri(tampered, UriKind.Relative), refused)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await PreferencesAsync()).Reminder.ShouldBe(ReminderFrequency.Daily);

        // What a mail program sends (RFC 8058): a POST of List-Unsubscribe=One-Click, no cookie, no form token.
        using var oneClick = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });
        var done = await app.CreateAnonymousClient().PostAsync(link, oneClick);
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(done)).QuerySelector("[role=status]")!.TextContent.ShouldStartWith("No more reminders of relationships to score");
        (await PreferencesAsync()).Reminder.ShouldBe(ReminderFrequency.Off);

        app.Clock.Now = app.Clock.Now.AddDays(1);
        await RunAsync(app.Factory.Services);
        (await RemindersOfAsync(advisor)).Count.ShouldBe(1, "no reminder after unsubscribing");
    }

    [Fact]
    public async Task Across_the_spring_change_the_reminder_still_comes_at_eight_on_the_clock()
    {
        var advisor = await AdvisorInLondonAsync();
        await app.AddRelationshipAsync("Spring Forward Ltd", owner: advisor);

        app.Clock.Now = new DateTimeOffset(2026, 3, 29, 6, 59, 0, TimeSpan.Zero); // 07:59 BST, the day the clocks went forward
        await RunAsync(app.Factory.Services);
        (await RemindersOfAsync(advisor)).ShouldBeEmpty();

        app.Clock.Now = new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero); // 08:00 BST: an hour earlier in UTC than in winter
        await RunAsync(app.Factory.Services);
        (await RemindersOfAsync(advisor)).ShouldHaveSingleItem().Key.ShouldEndWith(":2026-03-29");
    }

    [Fact]
    public async Task Two_instances_deciding_at_the_same_moment_store_one_reminder_and_a_weekly_one_waits_for_its_day()
    {
        var daily = await AdvisorInLondonAsync();
        var weekly = await AdvisorInLondonAsync(ReminderFrequency.Weekly);
        await app.AddRelationshipAsync("Twice Decided Ltd", owner: daily);
        await app.AddRelationshipAsync("Weekly Ltd", owner: weekly);
        app.Clock.Now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero); // a Tuesday
        await using var second = new TrustAdvisorFactory(app.Provider, app.ConnectionString, demoData: false, app.Clock, app.MailSettings);
        _ = second.Server;

        await Task.WhenAll(Task.Run(() => RunAsync(app.Factory.Services)), Task.Run(() => RunAsync(second.Services)));

        (await RemindersOfAsync(daily)).ShouldHaveSingleItem();
        (await RemindersOfAsync(weekly)).ShouldBeEmpty("its day is Monday");
        app.Clock.Now = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        await RunAsync(app.Factory.Services);
        (await RemindersOfAsync(weekly)).ShouldHaveSingleItem().Key.ShouldEndWith(":2026-12-07");
    }
}
