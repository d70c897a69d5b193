using Quartz;
using TrustAdvisor.Infrastructure.Mail;

namespace TrustAdvisor.Web.Mail;

/// <summary>
/// Where pages hand mail over: they add the message to the outbox in their own transaction, then ask for delivery
/// now rather than at the sender's next regular run.
/// </summary>
public sealed class MailOutbox(
    [FromKeyedServices(MailRegistration.SchedulerName)] IScheduler scheduler, Microsoft.Extensions.Options.IOptions<MailOptions> options)
{
    /// <summary>The address links in emails start with: the configured public URL, else the one the request came to.</summary>
    public Uri BaseAddress(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return options.Value.PublicUrl ?? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }

    public async Task DeliverSoonAsync(CancellationToken cancellationToken)
    {
        await scheduler.TriggerJob(DeliverMailJob.Key, cancellationToken);
    }
}
