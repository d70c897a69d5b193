using Microsoft.Extensions.Caching.Memory;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Reporting;

/// <summary>
/// The median of the latest T of a team's active relationships: the line the "Maintain stage below the team's
/// median" rule compares with. An aggregate of the whole team, so it is read without the viewer's filter; only the
/// one number leaves the database. It costs an index probe per relationship of the team (the most expensive part of
/// the home page) and moves slowly, so it is kept for <see cref="CacheFor"/> per team and app instance.
/// </summary>
public static class TeamMedianTrust
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    public static async Task<double?> GetAsync(TrustAdvisorDbContext db, IMemoryCache cache, Guid teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var key = (nameof(TeamMedianTrust), teamId);
        if (cache.TryGetValue(key, out double? median))
        {
            return median;
        }

        median = await QueryAsync(db, teamId, cancellationToken);
        cache.Set(key, median, CacheFor);
        return median;
    }

    public static async Task<double?> QueryAsync(TrustAdvisorDbContext db, Guid teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // One row, whose median is NULL when no relationship has an assessment (NULLs are left out of it).
        var medians = await TeamSql.QueryAsync<double?>(db, Statement(db.Sql, teamId), cancellationToken);
        return medians.SingleOrDefault();
    }

    public static SqlStatement Statement(SqlDialect dialect, Guid teamId)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var sql = $"""
            WITH latest AS (
                SELECT (
                    SELECT a.trust FROM assessments a
                    WHERE a.relationship_id = r.id AND a.superseded_at IS NULL
                    ORDER BY a.meeting_date DESC, a.lineage_id DESC
                    LIMIT 1) AS trust
                {TeamSql.Relationships} AND r.archived_at IS NULL
            )
            SELECT {dialect.Median("trust")} AS "Value" FROM latest
            """;
        return new SqlStatement(sql, [dialect.Id(TeamSql.TeamParameter, teamId)]);
    }
}
