using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Trends;

namespace TrustAdvisor.Web.Tests.Reporting;

/// <summary>
/// The median aggregate the dashboard's and the overview's SQL use (<c>SqlDialect.Median</c>: PostgreSQL's
/// percentile_cont, SQLite's median function of our own) agrees with the domain's median on both databases.
/// </summary>
public static class SqlMedian
{
    // An odd group, an even one, one with a NULL among its values, one of NULLs only.
    private const string Values = """
        SELECT 1 AS grp, CAST(9.0 AS DOUBLE PRECISION) AS v UNION ALL SELECT 1, 1.5 UNION ALL SELECT 1, 4.0
        UNION ALL SELECT 2, 30.0 UNION ALL SELECT 2, 2.0 UNION ALL SELECT 2, 3.0 UNION ALL SELECT 2, 5.0
        UNION ALL SELECT 3, 7.25 UNION ALL SELECT 3, NULL
        UNION ALL SELECT 4, NULL
        """;

    public static async Task AgreesWithTheDomainsMedianAsync(AppFixture app)
    {
        var rows = await app.QueryAsync(db =>
        {
            var sql = $"""SELECT grp AS "Group", {db.Sql.Median("v")} AS "Median" FROM ({Values}) t GROUP BY grp ORDER BY grp""";
            return db.Database.SqlQueryRaw<Row>(sql).ToListAsync();
        });

        rows.Select(r => (r.Group, r.Median)).ShouldBe(
        [
            (1, TrustStatistics.Median([9.0, 1.5, 4.0])),
            (2, TrustStatistics.Median([30.0, 2.0, 3.0, 5.0])),
            (3, 7.25),
            (4, null),
        ]);
        rows[1].Median.ShouldBe(4.0);
    }

    public sealed class Row
    {
        public int Group { get; init; }
        public double? Median { get; init; }
    }
}

public class PostgresMedianTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public Task On_PostgreSQL_the_SQL_median_is_the_domains_median() => SqlMedian.AgreesWithTheDomainsMedianAsync(app);
}

public class SqliteMedianTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public Task On_SQLite_the_SQL_median_is_the_domains_median() => SqlMedian.AgreesWithTheDomainsMedianAsync(app);
}
