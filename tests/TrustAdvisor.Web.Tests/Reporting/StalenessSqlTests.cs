using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Infrastructure.Reporting;

namespace TrustAdvisor.Web.Tests.Reporting;

/// <summary>
/// The staleness rules as the dashboard's SQL writes them (<see cref="StalenessSql"/>) give the domain's answer
/// (<see cref="Staleness"/>) on both databases, around every edge: the review date itself, the day the window starts,
/// never scored.
/// </summary>
public static class SqlStaleness
{
    private const int Days = 60;

    private static readonly DateOnly Today = new(2026, 6, 15);

    // (next review date, last meeting) pairs on and around each boundary.
    private static readonly (DateOnly Next, DateOnly? Last)[] Cases =
    [
        (Today.AddDays(-1), null),
        (Today, null),
        (Today.AddDays(10), null),
        (Today.AddDays(-1), Today.AddDays(-1)),
        (Today.AddDays(-1), Today.AddDays(-2)),
        (Today.AddDays(-5), Today),
        (Today.AddDays(30), Staleness.ScoredSince(Today, Days)),
        (Today.AddDays(30), Staleness.ScoredSince(Today, Days).AddDays(-1)),
        (Today.AddDays(-90), Staleness.ScoredSince(Today, Days).AddDays(-1)),
        (Today.AddDays(30), Today.AddDays(-3)),
    ];

    public static async Task AgreesWithTheDomainAsync(AppFixture app)
    {
        var rows = await app.QueryAsync(db =>
        {
            // Dates as each database keeps them: PostgreSQL's date type, SQLite's ISO text.
            var postgres = db.Database.IsNpgsql();
            string Day(DateOnly? day) => (day, postgres) switch
            {
                (null, true) => "CAST(NULL AS DATE)",
                (null, false) => "NULL",
                ({ } d, true) => $"DATE '{d:yyyy-MM-dd}'",
                ({ } d, false) => $"'{d:yyyy-MM-dd}'",
            };
            var values = string.Join(
                " UNION ALL ",
                Cases.Select((c, i) => $"SELECT {i} AS n, {Day(c.Next)} AS next_review_date, {Day(c.Last)} AS last_date"));
            var sql = $"""
                SELECT n AS "Case",
                       CASE WHEN {StalenessSql.ReviewOverdue("next_review_date", "last_date")} THEN 1 ELSE 0 END AS "Overdue",
                       CASE WHEN {StalenessSql.NotScoredLately("last_date")} THEN 1 ELSE 0 END AS "NotScoredLately",
                       CASE WHEN {StalenessSql.Stale("next_review_date", "last_date")} THEN 1 ELSE 0 END AS "Stale"
                FROM ({values}) t ORDER BY n
                """;
            return db.Database.SqlQueryRaw<Row>(sql, db.Sql.Day("today", Today), StalenessSql.ScoredSince(db.Sql, Today, Days)).ToListAsync();
        });

        rows.Count.ShouldBe(Cases.Length);
        foreach (var row in rows)
        {
            var (next, last) = Cases[row.Case];
            var expected = (
                Staleness.IsReviewOverdue(next, last, Today),
                Staleness.IsNotScoredLately(last, Today, Days),
                Staleness.IsStale(next, last, Today, Days));
            (row.Overdue == 1, row.NotScoredLately == 1, row.Stale == 1).ShouldBe(expected, $"next review {next}, last meeting {last}");
        }

        rows.Select(r => r.Overdue).Distinct().Count().ShouldBe(2);
        rows.Select(r => r.NotScoredLately).Distinct().Count().ShouldBe(2);
    }

    public sealed class Row
    {
        public int Case { get; init; }
        public int Overdue { get; init; }
        public int NotScoredLately { get; init; }
        public int Stale { get; init; }
    }
}

public class PostgresStalenessSqlTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public Task On_PostgreSQL_the_SQL_staleness_is_the_domains() => SqlStaleness.AgreesWithTheDomainAsync(app);
}

public class SqliteStalenessSqlTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public Task On_SQLite_the_SQL_staleness_is_the_domains() => SqlStaleness.AgreesWithTheDomainAsync(app);
}
