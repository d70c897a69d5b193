namespace TrustAdvisor.Web.Mail.Sending;

/// <summary>
/// Where pages hand mail over: they add the message to the outbox in their own transaction, then ask for delivery
/// now rather than at the sender's next regular run.
/// </summary>
public sealed class MailOutbox(MailScheduler scheduler)
{
    /// <summary>
    /// Asks for a delivery run now. The message is in the outbox already: when the scheduler has not started (the
    /// database was down) or cannot be asked, the next regular run sends it, and the page that decided it is not failed.
    /// </summary>
    public Task DeliverSoonAsync(CancellationToken cancellationToken) => scheduler.TriggerAsync(DeliverMailJob.Key, cancellationToken);
}
