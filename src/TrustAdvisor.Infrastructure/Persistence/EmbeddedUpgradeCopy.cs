using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TrustAdvisor.Infrastructure.Persistence;

/// <summary>
/// Before migrations change an embedded database that already holds data, a copy of it beside the file: SQLite's table
/// rebuilds run partly outside a transaction, so an upgrade cut short can be undone by putting the copy back.
/// </summary>
public static class EmbeddedUpgradeCopy
{
    /// <summary>The copy's path, or null when there is nothing to copy (a new database, nothing pending, or in memory).</summary>
    public static async Task<string?> MakeAsync(TrustAdvisorDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:"
            || !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any()
            || !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return null;
        }

        var copy = $"{file}.before-upgrade-{time.GetUtcNow():yyyyMMddHHmmss}";
        if (File.Exists(copy))
        {
            return null;
        }

        await db.Database.ExecuteSqlAsync($"VACUUM INTO {copy}", cancellationToken);
        return copy;
    }
}
