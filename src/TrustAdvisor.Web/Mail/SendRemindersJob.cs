using Quartz;

namespace TrustAdvisor.Web.Mail;

/// <summary>Looks for the reminders due (one run at a time per instance; the outbox key keeps instances apart).</summary>
[DisallowConcurrentExecution]
internal sealed class SendRemindersJob(ReminderRun run) : IJob
{
    public static readonly JobKey Key = new("send-reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await run.RunAsync(cancellationToken);
}
