using Microsoft.Extensions.Options;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Hosting;
using TrustAdvisor.Web.Mail.Sending;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Mail.ClientPulses;

/// <summary>Puts an emailed pulse's ask and reminder into the outbox, in the caller's unit of work (saved with the pulse).</summary>
public sealed class PulseMailer(
    MailRenderer renderer, MailSecrets secrets, PublicAddress site, LinkGenerator links, PulseOptOutLinks optOut,
    IOptions<PulseOptions> options, MailOutbox outbox)
{
    public async Task AddAsync(
        TrustAdvisorDbContext db, Pulse pulse, Relationship relationship, PulseToken token, (string Name, string Email) advisor, string? personalLine,
        DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentNullException.ThrowIfNull(relationship);
        ArgumentNullException.ThrowIfNull(token);
        var link = site.For(links.GetPathByPage("/Pulses/Answer", values: new { token = token.ToString() })!);
        var stop = site.For(links.GetPathByPage("/Pulses/Stop", values: new { token = optOut.TokenFor(relationship.Id) })!);
        var request = new PulseMail.Request(
            pulse.Id, relationship.Id, relationship.Contact.Email ?? throw new InvalidOperationException("The contact has no email address."),
            relationship.Contact.Name, advisor.Name, advisor.Email, options.Value.FirmName, personalLine, link, stop,
            DateOnly.FromDateTime(pulse.ExpiresAt));
        pulse.MarkSentByEmail();
        db.OutboxMessages.AddRange(await PulseMail.ComposeAsync(renderer, secrets, request, TimeSpan.FromDays(options.Value.ReminderAfterDays), nowUtc));
    }

    public Task DeliverSoonAsync(CancellationToken cancellationToken) => outbox.DeliverSoonAsync(cancellationToken);
}
