using Quartz;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Mail.Sending;

/// <summary>
/// Starts the mail scheduler once the database answers. On PostgreSQL the scheduler's store is in the database, and a
/// Quartz scheduler that fails to build is not built again: started while the database is down, it would stay dead
/// (and Quartz's own hosted service would stop the app from starting at all). Until then the app serves pages as
/// ever, and what pages decide to send waits in the outbox.
/// </summary>
public sealed partial class MailScheduler(
    [FromKeyedServices(MailRegistration.SchedulerName)] ISchedulerFactory schedulers, IServiceScopeFactory scopes, ILogger<MailScheduler> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private IScheduler? _built;

    /// <summary>The running scheduler, or none yet.</summary>
    public IScheduler? Running { get; private set; }

    /// <summary>
    /// Runs a job now rather than at its next regular run. What it is to do is stored already: when the scheduler has
    /// not started (the database was down) or cannot be asked, the next regular run does it, and the page that asked is
    /// not failed.
    /// </summary>
    public async Task TriggerAsync(JobKey job, CancellationToken cancellationToken)
    {
        if (Running is not { } running)
        {
            return;
        }

        try
        {
            await running.TriggerJob(job, cancellationToken);
        }
        catch (SchedulerException)
        {
            // Done by the next regular run.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!await DatabaseAnswersAsync(stoppingToken))
        {
            LogWaiting(logger, RetryInterval.TotalSeconds);
            await Task.Delay(RetryInterval, stoppingToken);
        }

        try
        {
            _built = await schedulers.GetScheduler(stoppingToken);
            await _built.Start(stoppingToken);
            Running = _built;
        }
        catch (Exception e) when (e is SchedulerException or InvalidOperationException)
        {
            LogFailed(logger, e);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_built is { } scheduler)
        {
            try
            {
                await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
            }
            catch (ObjectDisposedException e)
            {
                // Quartz's cluster manager, in its last round, asks the container for the scheduler once more, and the
                // host may already have let go of it. The jobs have finished by then; the store's check-in lapses.
                LogShutdownIncomplete(logger, e);
            }
        }
    }

    private async Task<bool> DatabaseAnswersAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>().Database.CanConnectAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database does not answer: scheduled mail starts when it does (trying every {Seconds} s)")]
    private static partial void LogWaiting(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The mail scheduler's last cluster round could not run at shutdown")]
    private static partial void LogShutdownIncomplete(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail scheduler could not start: no mail is sent until the app is restarted")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
