using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Mail.Sending;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Mail;

/// <summary>On PostgreSQL the instances share one schedule (Quartz's clustered job store): a run is one run, on any instance.</summary>
public class SchedulerTests(MailApp app) : IClassFixture<MailApp>
{
    /// <summary>The fixture's settings, with the scheduler looking at the shared store every second rather than every 30.</summary>
    private IReadOnlyDictionary<string, string> InstanceSettings => new Dictionary<string, string>(app.MailSettings)
    {
        ["Quartz:Scheduler:IdleWaitTime"] = "00:00:01",
    };

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The count, once it is <paramref name="expected"/> or ten seconds have passed (the schedulers start after the app).</summary>
    private async Task<long> CountWhenAsync(string sql, long expected)
    {
        var count = await CountAsync(sql);
        for (var i = 0; i < 100 && count != expected; i++)
        {
            await Task.Delay(100);
            count = await CountAsync(sql);
        }

        return count;
    }

    private static async Task<IScheduler> RunningSchedulerAsync(TrustAdvisorFactory instance)
    {
        var mail = instance.Services.GetRequiredService<MailScheduler>();
        for (var i = 0; i < 100 && mail.Running is null; i++)
        {
            await Task.Delay(100);
        }

        return mail.Running ?? throw new TimeoutException("The mail scheduler did not start.");
    }

    [Fact]
    public async Task A_run_scheduled_through_one_instance_is_made_by_another_after_the_first_has_stopped_and_only_once()
    {
        var advisors = new List<AppUser>();
        for (var i = 0; i < 3; i++)
        {
            var advisor = await app.CreatePersonAsync($"cluster{i}.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, app.Team.Id);
            await app.QueryAsync(async db =>
            {
                db.MailPreferences.Add(new MailPreferences
                {
                    UserId = advisor.Id,
                    TimeZone = "UTC",
                    Reminder = Domain.Reminders.ReminderFrequency.Daily,
                    ReminderTime = new TimeOnly(0, 0),
                });
                return await db.SaveChangesAsync();
            });
            await app.AddRelationshipAsync($"Overdue client {i}", nextReview: app.Today.AddDays(-3), owner: advisor);
            advisors.Add(advisor);
        }

        var second = new TrustAdvisorFactory(app.Provider, app.ConnectionString, demoData: false, app.Clock, InstanceSettings);
        await using (second)
        {
            _ = second.Server;
            (await CountWhenAsync("SELECT count(*) FROM qrtz_scheduler_state", 2)).ShouldBe(2, "the fixture's instance and this one check in to one cluster");

            await using (var first = new TrustAdvisorFactory(app.Provider, app.ConnectionString, demoData: false, app.Clock, InstanceSettings))
            {
                _ = first.Server;
                var scheduler = await RunningSchedulerAsync(first);
                await scheduler.ScheduleJob(
                    JobBuilder.Create<ScheduledMailJob>().WithIdentity("reminders-once").Build(),
                    TriggerBuilder.Create().WithIdentity("reminders-once").StartAt(DateTimeOffset.UtcNow.AddSeconds(3)).Build());
            }

            // The first instance has stopped before the run was due: the second, sharing its store, makes it.
            foreach (var advisor in advisors)
            {
                (await app.Smtp.WaitForAsync(advisor.Email!)).Count.ShouldBe(1, advisor.Email);
            }

            (await CountAsync("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = 'reminders-once'")).ShouldBe(0, "a one-off run, done");
        }

        foreach (var advisor in advisors)
        {
            var reminders = await app.OutboxToAsync(advisor.Email!);
            reminders.Select(m => m.Kind).ShouldBe([MailKind.Reminder]);
            app.Smtp.To(advisor.Email!).Count().ShouldBe(1);
        }
    }
}
