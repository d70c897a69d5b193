using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TrustAdvisor.Infrastructure.Persistence;

public static class UniqueViolations
{
    /// <summary>
    /// Saves new rows; returns false, and forgets them, when a unique key says they are already stored
    /// (the same form submitted twice at once). Any other failure is thrown.
    /// </summary>
    public static async Task<bool> TrySaveNewAsync(this TrustAdvisorDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public static bool IsUniqueViolation(DbUpdateException exception) => exception?.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067, // SQLITE_CONSTRAINT_PRIMARYKEY, _UNIQUE
        _ => false,
    };
}
