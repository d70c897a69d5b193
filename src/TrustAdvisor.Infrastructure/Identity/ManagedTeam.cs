using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Identity;

/// <summary>
/// A team a manager looks after besides their own (<see cref="AppUser.TeamId"/>): they see its relationships and its
/// dashboard as their own team's. Only managers have rows; an administrator sets them under People.
/// </summary>
public sealed class ManagedTeam
{
    public Guid UserId { get; init; }
    public Guid TeamId { get; init; }

    /// <summary>The teams a person looks after besides their own, in no particular order.</summary>
    public static async Task<List<Guid>> OtherTeamsOfAsync(TrustAdvisorDbContext db, Guid userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ManagedTeams.Where(m => m.UserId == userId).Select(m => m.TeamId).ToListAsync(cancellationToken);
    }
}
