using Quartz;

namespace TrustAdvisor.Web.Mail.Sending;

/// <summary>
/// Decides the scheduled mail due (every <see cref="IScheduledMail"/>) (one run at a time per instance; the outbox key keeps instances and runs
/// apart, so a run that comes again, or late, adds nothing twice).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ScheduledMailJob(ScheduledMailRun run, MailOutbox outbox) : IJob
{
    public static readonly JobKey Key = new("scheduled-mail");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var added = await run.RunAsync(cancellationToken);
        if (added > 0)
        {
            await outbox.DeliverSoonAsync(cancellationToken);
        }
    }
}
