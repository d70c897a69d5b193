using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Mail;

/// <summary>
/// Delivers the outbox's due messages. Each is claimed first by a conditional UPDATE, so two instances never both
/// send it; a claim that outlives its sender (the process died) lapses and the message is tried again (ADR 14).
/// </summary>
public sealed partial class OutboxSender(
    TrustAdvisorDbContext db, MailTransport transport, MailSecrets secrets, IOptions<MailOptions> options, TimeProvider time, ILogger<OutboxSender> logger)
{
    /// <summary>How long a claim holds: longer than any one delivery takes.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    private const int Batch = 50;

    /// <summary>Sends what is due now; returns how many were sent.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            if (await TryClaimAsync(id, now, cancellationToken) && await DeliverAsync(id, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> TryClaimAsync(Guid id, DateTime now, CancellationToken cancellationToken)
    {
        var until = now + ClaimFor;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id
                && ((m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.ClaimedUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimedUntil, until), cancellationToken);
        return claimed == 1;
    }

    private async Task<bool> DeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        Exception? failure = null;
        try
        {
            await transport.SendAsync(ToMime(message), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = e;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var attempts = message.Attempts + 1;
        if (failure is null)
        {
            // Delivered: the sealed secret is erased, so nothing stored can be used again.
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                .SetProperty(m => m.SealedSecret, (string?)null), cancellationToken);
            return true;
        }

        var givesUp = MailTransport.IsPermanent(failure) || attempts >= OutboxMessage.MaxAttempts;
        var error = failure.Message.Length > 1000 ? failure.Message[..1000] : failure.Message;
        LogFailed(logger, failure, message.Kind, id, attempts, givesUp);
        await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, givesUp ? OutboxStatus.Failed : OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptAt, now + OutboxMessage.BackOff(attempts))
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
            .SetProperty(m => m.SealedSecret, m => givesUp ? null : m.SealedSecret)
            .SetProperty(m => m.LastError, error), cancellationToken);
        return false;
    }

    /// <summary>The message as sent: a text and an HTML part, and a Message-ID made from the outbox row's id.</summary>
    public MimeMessage ToMime(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (text, html) = secrets.Unseal(message);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = $"{message.Id:N}@trustadvisor",
            Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(message.FromName ?? options.Value.FromName, options.Value.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.ReplyTo is { } replyTo)
        {
            mime.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        }

        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: a mail program offers "unsubscribe" and POSTs List-Unsubscribe=One-Click to the address itself.
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        return mime;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Kind} mail {Id} failed (attempt {Attempts}; given up: {GivenUp})")]
    private static partial void LogFailed(ILogger logger, Exception failure, MailKind kind, Guid id, int attempts, bool givenUp);
}
