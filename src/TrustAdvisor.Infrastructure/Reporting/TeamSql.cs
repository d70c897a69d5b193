using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Reporting;

/// <summary>
/// Who may see which rows, for the reports written in SQL. EF Core's query filters (docs/decisions/0005) do not
/// reach raw SQL, so every raw reporting statement reads relationships through <see cref="Relationships"/>, which
/// keeps to the one team in its <c>@team</c> parameter, and runs through <see cref="QueryAsync"/>, which refuses a
/// statement that does not, or that asks for a team the context's viewer may not read: a team they manage (their own
/// or one they look after besides), any for an administrator or the system; an advisor, only their own team, whose
/// median their overview compares with. Pages choose the team from those first, so a refusal here is a page's bug.
/// </summary>
public static class TeamSql
{
    /// <summary>
    /// The team's relationships, as <c>r</c>, with their contacts (<c>c</c>) and organisations (<c>o</c>); a statement
    /// may narrow them further, never widen them.
    /// </summary>
    public const string Relationships =
        "FROM relationships r JOIN contacts c ON c.id = r.contact_id JOIN organisations o ON o.id = c.organisation_id WHERE r.team_id = @team";

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
        EnsureViewerMayRead(db.ViewerAccessor?.Current ?? Viewer.Nobody, statement);
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

    /// <summary>Throws unless the viewer may read the statement's team (see the class's summary).</summary>
    public static void EnsureViewerMayRead(Viewer viewer, SqlStatement statement)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(statement);
        var team = statement.Parameters.First(p => p.ParameterName == TeamParameter).Value as Guid?;
        if (!viewer.Manages(team) && (team is null || team != viewer.TeamId))
        {
            throw new InvalidOperationException("A reporting statement asked for a team its viewer may not read.");
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
