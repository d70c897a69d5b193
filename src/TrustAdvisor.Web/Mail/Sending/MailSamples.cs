using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Mail.Sending;

/// <summary>
/// A sample of a scheduled email, sent to oneself from the settings page: the email the schedule would compose now
/// for the period the kind's sample shows (<see cref="IScheduledMail.SamplePeriod"/>), or none when the real one would
/// not be sent either. At most one sample of a kind a minute (its outbox key).
/// </summary>
public sealed class MailSamples(
    SystemContexts contexts, IEnumerable<IScheduledMail> kinds, ScheduledMailRun run, TimeProvider time, IOptions<MailOptions> options)
{
    public async Task<OutboxMessage?> ComposeAsync(MailKind kind, Guid personId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Lease();
        var mail = kinds.Single(k => k.Kind == kind);
        if ((await MailRecipients.ListAsync(db, u => u.Id == personId, options.Value.DefaultTimeZone, cancellationToken)).SingleOrDefault() is not { } person)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var message = await run.ComposeAsync(db, mail, person, mail.SamplePeriod(person, now), now.UtcDateTime, cancellationToken);
        return message?.AsSample(Guid.CreateVersion7(), $"sample:{kind}:{person.Id:N}:{now.UtcDateTime:yyyyMMdd'T'HHmm}");
    }
}
