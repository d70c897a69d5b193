using Microsoft.Extensions.Http.Resilience;
using Quartz;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.CalendarReading;

/// <summary>
/// Reading people's calendars (issue 31): the HTTP client (public addresses only, a size limit, .NET's standard
/// resilience pipeline: a timeout per attempt, retries with back-off, a circuit breaker), the sync, and its job.
/// </summary>
internal static class CalendarReadingRegistration
{
    /// <summary>How often the job looks for calendars due; each calendar is read every Calendar:ReadEveryMinutes.</summary>
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddCalendarReading(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CalendarAddresses>();
        services.AddSingleton<PrivateHostAllowance>();
        if ((configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).DemoData)
        {
            services.AddHostedService<DemoCalendarServing.Connector>();
        }

        services.AddScoped<CalendarSync>();
        services.AddScoped<Mail.MeetingPrompts.MeetingPromptRun>();
        services.AddScoped<Mail.MeetingPrompts.CalendarFailingMail>();
        services.AddHttpClient<CalendarReader>()
            // The client's own lines name the whole address, whose path is the calendar's secret (Google's, Outlook's).
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var allowed = provider.GetRequiredService<PrivateHostAllowance>();
                return new SocketsHttpHandler
                {
                    ConnectCallback = (context, cancellationToken) => PrivateAddressGuard.ConnectAsync(context, allowed, cancellationToken),
                    AllowAutoRedirect = true,
                    MaxAutomaticRedirections = 5,
                    AutomaticDecompression = System.Net.DecompressionMethods.All,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    UseCookies = false,
                };
            })
            // A pipeline per host: a circuit opened by one broken calendar server does not stop the others being read.
            .AddStandardResilienceHandler(resilience =>
            {
                var seconds = configuration.GetSection(CalendarOptions.Section).GetValue(nameof(CalendarOptions.TimeoutSeconds), new CalendarOptions().TimeoutSeconds);
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(seconds);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds((seconds * 3) + 10);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, seconds * 2));
                resilience.Retry.MaxRetryAttempts = 2;
            })
            .SelectPipelineByAuthority();
        return services;
    }

    /// <summary>The calendar job on the app's scheduler: every minute, for the calendars due.</summary>
    public static void AddCalendarJob(this IQuartzBuilder quartz)
    {
        quartz.AddJob<ReadCalendarsJob>(job => job.WithIdentity(ReadCalendarsJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger.ForJob(ReadCalendarsJob.Key).WithIdentity("read-calendars-regularly")
            .StartNow().WithSimpleSchedule(schedule => schedule.WithInterval(CheckEvery).RepeatForever()));
    }
}
