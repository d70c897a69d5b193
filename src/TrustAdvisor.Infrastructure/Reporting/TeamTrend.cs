using System.Globalization;
using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Reporting;

/// <summary>
/// One week or month of the team trend: the median T and T of the mean factors of the meetings scored in it (or, in the
/// client-reported trend, of the pulses answered in it; <see cref="Assessments"/> then counts answers).
/// </summary>
public sealed record TrendPoint(
    DateOnly Start, string Label, long Assessments, double MedianTrust,
    double MeanCredibility, double MeanReliability, double MeanIntimacy, double MeanSelfOrientation)
{
    public double TrustOfMeans => TrustStatistics.TrustOfMeans(MeanCredibility, MeanReliability, MeanIntimacy, MeanSelfOrientation);
}

public static class TeamTrend
{
    /// <summary>Runs <see cref="Statement"/> (as <see cref="DashboardQueries.Trend"/> or <see cref="DashboardQueries.ClientTrend"/> gives it) and names its buckets.</summary>
    public static async Task<IReadOnlyList<TrendPoint>> QueryAsync(
        TrustAdvisorDbContext db, SqlStatement statement, TeamScope scope, bool byMonth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var weekOrigin = WeekOrigin(scope);
        var rows = await TeamSql.QueryAsync<Row>(db, statement, cancellationToken);
        return rows.Select(r =>
        {
            var start = byMonth ? new DateOnly(r.Bucket / 12, (r.Bucket % 12) + 1, 1) : weekOrigin.AddDays(r.Bucket * 7);
            var label = byMonth
                ? start.ToString("MMM yyyy", CultureInfo.InvariantCulture)
                : "Week of " + start.ToString("d MMM", CultureInfo.InvariantCulture);
            return new TrendPoint(start, label, r.Assessments, r.MedianTrust, r.MeanCredibility, r.MeanReliability, r.MeanIntimacy, r.MeanSelfOrientation);
        }).ToList();
    }

    /// <summary>Weeks start on Monday: the first bucket is the week the period starts in.</summary>
    public static DateOnly WeekOrigin(TeamScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.From.AddDays(-(((int)scope.From.DayOfWeek + 6) % 7));
    }

    /// <summary>
    /// The trend of the advisors' own scores (the meetings scored in each week or month) or, with
    /// <paramref name="clientView"/>, of their clients' answers (the pulses answered in it).
    /// </summary>
    public static SqlStatement Statement(SqlDialect dialect, TeamScope scope, bool byMonth, bool clientView = false)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(scope);
        var day = clientView ? "answered_on" : "meeting_date";
        var bucket = byMonth ? dialect.MonthNumber(day) : $"{dialect.DaysBetween("@origin", day)} / 7";
        var source = clientView
            ? "(SELECT p.* FROM pulses p JOIN rel ON rel.id = p.relationship_id WHERE p.status = 'Answered') answered"
            : "cur";
        var sql = $"""
            {TeamScope.Cte},
            pts AS (
                SELECT {bucket} AS bucket, trust, credibility, reliability, intimacy, self_orientation
                FROM {source} WHERE {day} >= @from AND {day} <= @to
            )
            SELECT p.bucket AS "Bucket", COUNT(*) AS "Assessments", {dialect.Median("p.trust")} AS "MedianTrust",
                   CAST(AVG(p.credibility) AS DOUBLE PRECISION) AS "MeanCredibility",
                   CAST(AVG(p.reliability) AS DOUBLE PRECISION) AS "MeanReliability",
                   CAST(AVG(p.intimacy) AS DOUBLE PRECISION) AS "MeanIntimacy",
                   CAST(AVG(p.self_orientation) AS DOUBLE PRECISION) AS "MeanSelfOrientation"
            FROM pts p
            GROUP BY p.bucket
            ORDER BY p.bucket
            """;
        return scope.Statement(dialect, sql, dialect.Day("origin", WeekOrigin(scope)));
    }

    private sealed class Row
    {
        public int Bucket { get; init; }
        public long Assessments { get; init; }
        public double MedianTrust { get; init; }
        public double MeanCredibility { get; init; }
        public double MeanReliability { get; init; }
        public double MeanIntimacy { get; init; }
        public double MeanSelfOrientation { get; init; }
    }
}
