using Quartz;

namespace TrustAdvisor.Web.Mail;

/// <summary>
/// Decides the reminders, digests and drop alerts due (one run at a time per instance; the outbox key keeps instances and runs
/// apart, so a run that comes again, or late, adds nothing twice).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ScheduledMailJob(ReminderRun reminders, DigestRun digests, DropAlertRun alerts, MailOutbox outbox) : IJob
{
    public static readonly JobKey Key = new("scheduled-mail");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var added = await reminders.RunAsync(cancellationToken)
            + await digests.RunAsync(cancellationToken)
            + await alerts.RunAsync(cancellationToken);
        if (added > 0)
        {
            await outbox.DeliverSoonAsync(cancellationToken);
        }
    }
}
