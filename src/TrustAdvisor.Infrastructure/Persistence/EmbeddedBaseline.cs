using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TrustAdvisor.Infrastructure.Persistence;

/// <summary>
/// The SQLite migrations start from one baseline (ADR 11). An embedded database made by the migrations before it has
/// the baseline's schema already: it is recorded as applied, so that only what came after it is applied.
/// </summary>
internal static class EmbeddedBaseline
{
    /// <summary>The last SQLite migration before the baseline: a database with it applied has the baseline's schema.</summary>
    public const string LastMigrationBefore = "20261122205410_AddAuditEvents";

    public static async Task AdoptAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return;
        }

        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(m => m.MigrationId).ToList();
        var baseline = db.Database.GetMigrations().First();
        if (applied.Count == 0 || applied.Contains(baseline))
        {
            return;
        }

        if (!applied.Contains(LastMigrationBefore))
        {
            throw new InvalidOperationException(
                $"This embedded database was made by an early build of TrustAdvisor (its last migration is {applied.Max()}) and " +
                "cannot be upgraded. Move its file (App_Data/trustadvisor.db by default) away; the next start creates a new one.");
        }

        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), cancellationToken);
    }
}
