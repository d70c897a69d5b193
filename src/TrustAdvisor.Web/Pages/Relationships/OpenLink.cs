using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>The client's link that can still be answered (<see cref="Pulse.OpenAt"/>), if any: Ask and the client's view show it.</summary>
public sealed record OpenLink(Guid Id, DateTime AskedAt, DateTime ExpiresAt)
{
    public static Task<OpenLink?> FindAsync(TrustAdvisorDbContext db, Guid relationshipId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Pulses.Where(p => p.RelationshipId == relationshipId).Where(Pulse.OpenAt(nowUtc))
            .OrderByDescending(p => p.AskedAt)
            .Select(p => new OpenLink(p.Id, p.AskedAt, p.ExpiresAt))
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
    }
}
