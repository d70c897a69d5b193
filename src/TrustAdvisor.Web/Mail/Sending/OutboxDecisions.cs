using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Mail.Sending;

/// <summary>How a scheduled decision to send is stored: once per key, whichever run or instance decides it first.</summary>
internal static class OutboxDecisions
{
    public static Task<bool> IsDecidedAsync(TrustAdvisorDbContext db, string key, CancellationToken cancellationToken) =>
        db.OutboxMessages.AsNoTracking().AnyAsync(m => m.Key == key, cancellationToken);

    /// <summary>Adds the message; false when another run stored the same key first (the outbox's unique key refused this one).</summary>
    public static async Task<bool> AddOnceAsync(TrustAdvisorDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        db.OutboxMessages.Add(message);
        return await db.SaveOnceAsync(token => IsDecidedAsync(db, message.Key, token), cancellationToken) switch
        {
            SaveOutcome.Saved => true,
            SaveOutcome.AlreadySaved => false,
            _ => throw new InvalidOperationException($"The outbox refused the message {message.Key} although no message has its key."),
        };
    }
}
