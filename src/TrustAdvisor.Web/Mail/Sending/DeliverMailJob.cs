using Quartz;
using TrustAdvisor.Infrastructure.Mail;

namespace TrustAdvisor.Web.Mail.Sending;

/// <summary>Sends the outbox's due mail; one run at a time per instance (the outbox's claims keep instances apart).</summary>
[DisallowConcurrentExecution]
internal sealed class DeliverMailJob(OutboxSender sender) : IJob
{
    public static readonly JobKey Key = new("deliver-mail");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await sender.DeliverDueAsync(cancellationToken);
}
