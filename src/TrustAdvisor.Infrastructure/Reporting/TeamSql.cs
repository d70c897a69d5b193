using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Reporting;

/// <summary>
/// Who may see which rows, for the reports written in SQL. EF Core's query filters (docs/decisions/0005) do not
/// reach raw SQL, so every raw reporting statement reads relationships through <see cref="Relationships"/>, which
/// keeps to the one team in its <c>@team</c> parameter, and runs through <see cref="QueryAsync"/>, which refuses a
/// statement that does not. Which team a viewer may ask for is the page's decision (a manager's own, any for an
/// administrator), as it is for the query filter.
/// </summary>
public static class TeamSql
{
    /// <summary>The team's relationships, as <c>r</c>; a statement may narrow them further, never widen them.</summary>
    public const string Relationships = "FROM relationships r WHERE r.team_id = @team";

    public const string TeamParameter = "team";

    /// <summary>
    /// Runs a reporting statement, planned for its own parameter values: a generic plan of the prepared statement,
    /// fine for the short statements every request repeats, is slow for these (ADR 8).
    /// </summary>
    public static async Task<List<T>> QueryAsync<T>(TrustAdvisorDbContext db, SqlStatement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(statement);
        EnsureScoped(statement);
        var query = db.Database.SqlQueryRaw<T>(statement.Sql, [.. statement.Parameters]);
        if (db.Sql.PlanEachExecution is not { } planEachExecution)
        {
            return await query.ToListAsync(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(planEachExecution, cancellationToken);
        var rows = await query.ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>Throws unless the statement reads relationships only through <see cref="Relationships"/>, with a team given.</summary>
    public static void EnsureScoped(SqlStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var scoped = CountOf(statement.Sql, Relationships);
        if (scoped == 0 || CountOf(statement.Sql, "relationships") != scoped
            || !statement.Parameters.Any(p => p.ParameterName == TeamParameter && p.Value is Guid))
        {
            throw new InvalidOperationException("A reporting statement must read relationships only through TeamSql.Relationships, for one team.");
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
