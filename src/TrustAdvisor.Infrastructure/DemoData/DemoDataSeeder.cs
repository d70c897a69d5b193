using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.DemoData;

public static class DemoDataSeeder
{
    /// <summary>Adds the demo team when the database holds no relationship at all; returns how many relationships it added.</summary>
    public static async Task<int> SeedIfEmptyAsync(TrustAdvisorDbContext db, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (await db.Relationships.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return 0;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var team = new DemoTeamGenerator(today).Generate();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Relationships.AddRange(team.Relationships);
        await db.SaveChangesAsync(cancellationToken);
        db.Assessments.AddRange(team.Assessments);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return team.Relationships.Count;
    }
}
