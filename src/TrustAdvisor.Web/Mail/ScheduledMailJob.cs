using Quartz;

namespace TrustAdvisor.Web.Mail;

/// <summary>
/// Decides the reminders and digests due (one run at a time per instance; the outbox key keeps instances and runs
/// apart, so a run that comes again, or late, adds nothing twice).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ScheduledMailJob(ReminderRun reminders, DigestRun digests) : IJob
{
    public static readonly JobKey Key = new("scheduled-mail");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await reminders.RunAsync(cancellationToken);
        await digests.RunAsync(cancellationToken);
    }
}
