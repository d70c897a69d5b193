using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Reporting;

/// <summary>
/// One advisor's line on the dashboard. A relationship's state at a date is its latest assessment on or before it;
/// median T and the factor profile are of the states at the period's end, the change is against the states at its start.
/// "Last meeting" is the latest on or before the period's end.
/// </summary>
public sealed class AdvisorSummary
{
    public static readonly IReadOnlyList<string> SortKeys = ["name", "owned", "assessed", "median", "change", "overdue", "last"];

    public Guid AdvisorId { get; init; }
    public string Name { get; init; } = "";
    public long Owned { get; init; }
    public long AssessedInPeriod { get; init; }
    public double? MedianTrust { get; init; }
    public double? MedianTrustAtStart { get; init; }
    /// <summary>How many of their relationships have an assessment on or before the period's end.</summary>
    public long Scored { get; init; }
    public double? MeanCredibility { get; init; }
    public double? MeanReliability { get; init; }
    public double? MeanIntimacy { get; init; }
    public double? MeanSelfOrientation { get; init; }
    public long OverdueReviews { get; init; }
    public DateOnly? LastMeeting { get; init; }

    /// <summary>The median over every relationship in the filter (all advisors together) at the period's end: the same on every row.</summary>
    public double? TeamMedianTrust { get; init; }

    /// <summary>As <see cref="TeamMedianTrust"/>, at the period's start.</summary>
    public double? TeamMedianTrustAtStart { get; init; }

    public double? Change => MedianTrust - MedianTrustAtStart;

    public double? Factor(Domain.Trust.Factor factor) => factor.Pick(MeanCredibility, MeanReliability, MeanIntimacy, MeanSelfOrientation);

    public static SqlStatement Statement(SqlDialect dialect, TeamScope scope)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(scope);
        var sql = $"""
            {TeamScope.Cte},
            {TeamScope.StatesCte()},
            start_median AS (SELECT owner_id, {dialect.Median("trust")} AS median FROM start_state GROUP BY owner_id),
            profile AS (
                SELECT owner_id, COUNT(*) AS scored, {dialect.Median("trust")} AS median,
                       CAST(AVG(credibility) AS DOUBLE PRECISION) AS c, CAST(AVG(reliability) AS DOUBLE PRECISION) AS r,
                       CAST(AVG(intimacy) AS DOUBLE PRECISION) AS i, CAST(AVG(self_orientation) AS DOUBLE PRECISION) AS s
                FROM end_state GROUP BY owner_id
            ),
            owned AS (
                SELECT owner_id, COUNT(*) AS owned,
                       SUM(CASE WHEN {StalenessSql.ReviewOverdue("next_review_date", "last_date")} THEN 1 ELSE 0 END) AS overdue
                FROM ({TeamScope.RelationshipsWithLastMeeting}) lm
                WHERE archived_at IS NULL
                GROUP BY owner_id
            ),
            activity AS (
                SELECT owner_id, SUM(CASE WHEN meeting_date >= @from THEN 1 ELSE 0 END) AS assessed, MAX(meeting_date) AS last_date
                FROM end_state GROUP BY owner_id
            )
            SELECT u.id AS "AdvisorId", u.display_name AS "Name",
                   COALESCE(o.owned, 0) AS "Owned", COALESCE(a.assessed, 0) AS "AssessedInPeriod",
                   p.median AS "MedianTrust", sm.median AS "MedianTrustAtStart",
                   COALESCE(p.scored, 0) AS "Scored", p.c AS "MeanCredibility", p.r AS "MeanReliability", p.i AS "MeanIntimacy", p.s AS "MeanSelfOrientation",
                   COALESCE(o.overdue, 0) AS "OverdueReviews", a.last_date AS "LastMeeting",
                   (SELECT {dialect.Median("trust")} FROM end_state) AS "TeamMedianTrust",
                   (SELECT {dialect.Median("trust")} FROM start_state) AS "TeamMedianTrustAtStart"
            FROM users u
            LEFT JOIN owned o ON o.owner_id = u.id
            LEFT JOIN activity a ON a.owner_id = u.id
            LEFT JOIN start_median sm ON sm.owner_id = u.id
            LEFT JOIN profile p ON p.owner_id = u.id
            WHERE u.id IN (SELECT owner_id FROM rel)
               OR (u.team_id = @team AND u.role = 'Advisor' AND u.is_active = TRUE AND (@advisor IS NULL OR u.id = @advisor))
            ORDER BY u.display_name
            """;
        return scope.Statement(dialect, sql);
    }

    public static IEnumerable<AdvisorSummary> Sorted(IEnumerable<AdvisorSummary> rows, string? key, bool descending)
    {
        Func<AdvisorSummary, object?> by = key switch
        {
            "owned" => r => r.Owned,
            "assessed" => r => r.AssessedInPeriod,
            "median" => r => r.MedianTrust,
            "change" => r => r.Change,
            "overdue" => r => r.OverdueReviews,
            "last" => r => r.LastMeeting,
            _ => r => r.Name,
        };
        return descending ? rows.OrderByDescending(by).ThenBy(r => r.Name) : rows.OrderBy(by).ThenBy(r => r.Name);
    }
}
