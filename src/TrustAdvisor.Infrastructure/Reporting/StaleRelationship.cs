using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Reporting;

/// <summary>An active relationship past its review date with no meeting scored since, or not scored in N days.</summary>
public sealed class StaleRelationship
{
    public const int Shown = 25;

    public Guid RelationshipId { get; init; }
    public Guid OrganisationId { get; init; }
    public string ClientOrganisation { get; init; } = "";
    public string ContactName { get; init; } = "";
    public string? Owner { get; init; }
    public string Stage { get; init; } = "";
    public DateOnly NextReviewDate { get; init; }
    public DateOnly? LastMeeting { get; init; }

    /// <summary>How many relationships are stale in all, of which the query returned the first few.</summary>
    public long Total { get; init; }

    public bool ReviewOverdue(DateOnly today) => Staleness.IsReviewOverdue(NextReviewDate, LastMeeting, today);

    public static SqlStatement Statement(SqlDialect dialect, TeamScope scope, int staleDays, int limit)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(scope);
        var sql = $"""
            {TeamScope.Cte},
            last_meeting AS MATERIALIZED ({TeamScope.RelationshipsWithLastMeeting})
            SELECT rel.id AS "RelationshipId", rel.organisation_id AS "OrganisationId", rel.client_organisation AS "ClientOrganisation", rel.contact_name AS "ContactName",
                   u.display_name AS "Owner", rel.stage AS "Stage", rel.next_review_date AS "NextReviewDate",
                   lm.last_date AS "LastMeeting", COUNT(*) OVER () AS "Total"
            FROM rel
            JOIN last_meeting lm ON lm.id = rel.id
            LEFT JOIN users u ON u.id = rel.owner_id
            WHERE rel.archived_at IS NULL AND {StalenessSql.Stale("rel.next_review_date", "lm.last_date")}
            ORDER BY CASE WHEN lm.last_date IS NULL THEN 0 ELSE 1 END, lm.last_date, rel.next_review_date, rel.client_organisation
            LIMIT {limit}
            """;
        return scope.Statement(dialect, sql, StalenessSql.ScoredSince(dialect, scope.Today, staleDays));
    }
}
