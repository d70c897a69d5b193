using Quartz;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.CalendarReading;
using TrustAdvisor.Web.Pages.Import;

namespace TrustAdvisor.Web.Mail.Sending;

/// <summary>Email: options, the transport, the outbox's sender, and the scheduler that runs it (Quartz.NET, ADR 14).</summary>
internal static class MailRegistration
{
    /// <summary>
    /// The mail scheduler's name (and its rows' sched_name in Quartz's tables). A scheduler of its own name, because
    /// only a named one keeps a clock of its own: the default one's would be the app's TimeProvider.
    /// </summary>
    public const string SchedulerName = "mail";

    public static IServiceCollection AddTrustAdvisorMail(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MailOptions.Section);
        services.AddOptions<MailOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MailTransport>();
        services.AddSingleton<MailSecrets>();
        services.AddSingleton<Hosting.PublicAddress>();
        services.AddSingleton<MailRenderer>();
        services.AddScoped<AccountNotices.SecurityNotices>();
        services.AddScoped<PasswordReset.ResetLinks>();
        services.AddScoped<OutboxSender>();
        services.AddScoped<MailOutbox>();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddSingleton<ClientPulses.PulseOptOutLinks>();
        services.AddScoped<ClientPulses.PulseMailer>();
        services.AddScoped<ClientPulses.PulseAsking>();

        // The kinds of scheduled email, in the order the settings page offers their samples: one folder each under Mail/.
        services.AddSingleton<IScheduledMail, Reminders.ReminderMail>();
        services.AddSingleton<IScheduledMail, Digests.DigestMail>();
        services.AddSingleton<IScheduledMail, DropAlerts.DropAlertMail>();
        services.AddScoped<ScheduledMailRun>();
        services.AddScoped<MailSamples>();
        var reminderMinutes = section.GetValue(nameof(MailOptions.ReminderCheckMinutes), new MailOptions().ReminderCheckMinutes);
        var interval = TimeSpan.FromSeconds(Math.Max(1, section.GetValue(nameof(MailOptions.DeliveryIntervalSeconds), new MailOptions().DeliveryIntervalSeconds)));
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // The "Quartz" section tunes the scheduler itself (e.g. Quartz:Scheduler:IdleWaitTime); the jobs are set here.
        services.AddQuartz(SchedulerName, configuration.GetSection("Quartz"), quartz =>
        {
            // The scheduler keeps real time (its timers, a cluster's check-ins); what the jobs decide reads the app's clock.
            quartz.UseTimeProvider(TimeProvider.System);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                // One schedule for every instance on the database (tables by migration): each run fires on one of them.
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(DatabaseRegistration.PostgresConnectionString(configuration, database));
                    store.UseClustering();
                    store.UseSystemTextJsonSerializer();
                });
            }
            else
            {
                quartz.UseInMemoryStore();
            }

            quartz.AddJob<DeliverMailJob>(job => job.WithIdentity(DeliverMailJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(DeliverMailJob.Key).WithIdentity("deliver-mail-regularly")
                .StartNow().WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever()));
            if (reminderMinutes > 0)
            {
                quartz.AddJob<ScheduledMailJob>(job => job.WithIdentity(ScheduledMailJob.Key).StoreDurably());
                quartz.AddTrigger(trigger => trigger.ForJob(ScheduledMailJob.Key).WithIdentity("scheduled-mail-regularly")
                    .StartNow().WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromMinutes(reminderMinutes)).RepeatForever()));
            }

            // Not mail, but the same scheduler (its name is from when mail was all it ran): one cluster, one set of tables.
            quartz.AddImportJob(configuration);
            quartz.AddCalendarJob();
        });
        services.AddSingleton<MailScheduler>();
        services.AddHostedService(s => s.GetRequiredService<MailScheduler>());
        return services;
    }
}
