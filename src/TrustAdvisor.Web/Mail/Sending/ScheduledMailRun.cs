using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Hosting;

namespace TrustAdvisor.Web.Mail.Sending;

/// <summary>
/// Decides the scheduled mail due now, every kind the same way: for each recipient, the period due, unless the outbox
/// holds it already; its words, unless there is nothing to say; into the outbox once, whichever run or instance
/// decides it first. Works on a context of its own that sees every row (<see cref="SystemContexts"/>).
/// </summary>
public sealed class ScheduledMailRun(
    SystemContexts contexts, IEnumerable<IScheduledMail> kinds, TimeProvider time, PublicAddress site, UnsubscribeLinks unsubscribe)
{
    /// <summary>Every kind; returns how many emails it added to the outbox.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var kind in kinds)
        {
            added += await RunAsync(kind, cancellationToken);
        }

        return added;
    }

    /// <summary>One kind only.</summary>
    public Task<int> RunAsync(MailKind kind, CancellationToken cancellationToken) => RunAsync(kinds.Single(k => k.Kind == kind), cancellationToken);

    private async Task<int> RunAsync(IScheduledMail kind, CancellationToken cancellationToken)
    {
        await using var db = contexts.Lease();
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var recipient in await kind.RecipientsAsync(db, cancellationToken))
        {
            if (await kind.DueAsync(db, recipient, now, cancellationToken) is not { } period
                || await OutboxDecisions.IsDecidedAsync(db, period.Key, cancellationToken)
                || await ComposeAsync(db, kind, recipient, period, now.UtcDateTime, cancellationToken) is not { } message)
            {
                continue;
            }

            if (await OutboxDecisions.AddOnceAsync(db, message, cancellationToken))
            {
                added++;
            }
        }

        return added;
    }

    /// <summary>The email of <paramref name="kind"/> for the period, ready for the outbox; null when there is nothing to say.</summary>
    internal async Task<OutboxMessage?> ComposeAsync(
        TrustAdvisorDbContext db, IScheduledMail kind, MailRecipient recipient, MailPeriod period, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var links = new MailLinks(site, unsubscribe.For(site.Site, recipient.Id, kind.Kind));
        return await kind.ComposeAsync(db, recipient, period, links, cancellationToken) is { } content
            ? OutboxMessage.Compose(
                Guid.CreateVersion7(), period.Key, kind.Kind, recipient.Id, recipient.Email, content.Subject, content.Text, content.Html, nowUtc, links.Unsubscribe)
            : null;
    }
}
