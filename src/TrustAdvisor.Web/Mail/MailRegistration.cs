using Quartz;
using TrustAdvisor.Infrastructure.Mail;

namespace TrustAdvisor.Web.Mail;

/// <summary>Email: options, the transport, the outbox's sender, and the scheduler that runs it (Quartz.NET, ADR 14).</summary>
internal static class MailRegistration
{
    public static IServiceCollection AddTrustAdvisorMail(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MailOptions.Section);
        services.AddOptions<MailOptions>().Bind(section);
        services.AddSingleton<MailTransport>();
        services.AddScoped<OutboxSender>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<ReminderRun>();
        services.AddScoped<DigestRun>();
        services.AddScoped<DropAlertRun>();
        services.AddSingleton<Security.SignedTokens>();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddSingleton<Pages.Calendar.CalendarLinks>();
        var reminderMinutes = section.GetValue(nameof(MailOptions.ReminderCheckMinutes), new MailOptions().ReminderCheckMinutes);
        var interval = TimeSpan.FromSeconds(Math.Max(1, section.GetValue(nameof(MailOptions.DeliveryIntervalSeconds), new MailOptions().DeliveryIntervalSeconds)));
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<DeliverMailJob>(job => job.WithIdentity(DeliverMailJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(DeliverMailJob.Key).WithIdentity("deliver-mail-regularly")
                .StartNow().WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever()));
            if (reminderMinutes > 0)
            {
                quartz.AddJob<ScheduledMailJob>(job => job.WithIdentity(ScheduledMailJob.Key).StoreDurably());
                quartz.AddTrigger(trigger => trigger.ForJob(ScheduledMailJob.Key).WithIdentity("scheduled-mail-regularly")
                    .StartNow().WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromMinutes(reminderMinutes)).RepeatForever()));
            }
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
