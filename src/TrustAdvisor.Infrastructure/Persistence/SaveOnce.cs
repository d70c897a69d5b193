using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TrustAdvisor.Infrastructure.Persistence;

public enum SaveOutcome
{
    Saved,

    /// <summary>This form's own row was stored by an earlier submission of the same form.</summary>
    AlreadySaved,

    /// <summary>Something else changed meanwhile (a unique key or a concurrency check refused the save).</summary>
    Conflict,
}

/// <summary>
/// The one way a form creates something exactly once. The form carries the new row's id, chosen when it was shown
/// (Forms.Validation.RequireFormId refuses a post without one); its handler saves with <see cref="SaveOnceAsync"/>,
/// and a second submission of the same form finds its row stored and stores nothing. A form whose first post changes
/// what a second one is checked against (a correction supersedes the revision it corrects, a hand-off changes the
/// owner) also asks the same <c>isStored</c> before those checks.
/// </summary>
public static class SaveOnce
{
    /// <summary>
    /// Saves what the form adds. When a unique key or a concurrency check refuses it, nothing of this attempt is
    /// kept, and <paramref name="isStored"/> tells the two cases apart: the form's own row is there (submitted twice
    /// at once) or it is not (a conflict). Any other failure is thrown.
    /// </summary>
    public static async Task<SaveOutcome> SaveOnceAsync(
        this TrustAdvisorDbContext db, Func<CancellationToken, Task<bool>> isStored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(isStored);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return await isStored(cancellationToken) ? SaveOutcome.AlreadySaved : SaveOutcome.Conflict;
        }
    }

    /// <summary>Whether a save failed on a unique key (on either provider).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception?.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067, // SQLITE_CONSTRAINT_PRIMARYKEY, _UNIQUE
        _ => false,
    };
}
