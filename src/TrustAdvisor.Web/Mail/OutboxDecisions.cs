using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Mail;

/// <summary>How a scheduled decision to send is stored: once per key, whichever run or instance decides it first.</summary>
internal static class OutboxDecisions
{
    public static Task<bool> IsDecidedAsync(TrustAdvisorDbContext db, string key, CancellationToken cancellationToken) =>
        db.OutboxMessages.AsNoTracking().AnyAsync(m => m.Key == key, cancellationToken);

    /// <summary>Adds the message; false when another run stored the same key first (the unique index refused this one).</summary>
    public static async Task<bool> AddOnceAsync(TrustAdvisorDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        db.OutboxMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await IsDecidedAsync(db, message.Key, cancellationToken))
            {
                throw;
            }

            return false;
        }
    }
}
