using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.TeamDashboard;

/// <summary>
/// A relationship whose T is lower at the period's end than at its start (the latest assessment before the period,
/// or, for one first scored during it, its first assessment in the period).
/// </summary>
public sealed class SlippingRelationship
{
    public const int Shown = 10;

    public Guid RelationshipId { get; init; }
    public string ClientOrganisation { get; init; } = "";
    public string ContactName { get; init; } = "";
    public string? Owner { get; init; }
    public DateOnly StartDate { get; init; }
    public int StartCredibility { get; init; }
    public int StartReliability { get; init; }
    public int StartIntimacy { get; init; }
    public int StartSelfOrientation { get; init; }
    public DateOnly EndDate { get; init; }
    public int EndCredibility { get; init; }
    public int EndReliability { get; init; }
    public int EndIntimacy { get; init; }
    public int EndSelfOrientation { get; init; }

    public TrustChange Change => TrustChange.Between(
        new TrustFactors(StartCredibility, StartReliability, StartIntimacy, StartSelfOrientation),
        new TrustFactors(EndCredibility, EndReliability, EndIntimacy, EndSelfOrientation));

    public static Task<List<SlippingRelationship>> QueryAsync(
        TrustAdvisorDbContext db, TeamScope scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        // Rows before the period rank by closeness to its start; rows inside it come after, earliest first.
        var startRank = $"""
            CASE WHEN meeting_date < @from THEN {db.Sql.DaysBetween("meeting_date", "@from")}
                 ELSE 1000000 + {db.Sql.DaysBetween("@from", "meeting_date")} END
            """;
        var sql = $"""
            {TeamScope.Cte},
            {TeamScope.LatestCte("end_state", "meeting_date <= @to")},
            start_ranked AS (
                SELECT cur.*, ROW_NUMBER() OVER (PARTITION BY relationship_id ORDER BY {startRank}, lineage_id DESC) AS k
                FROM cur WHERE meeting_date <= @to
            ),
            start_state AS (SELECT * FROM start_ranked WHERE k = 1)
            SELECT rel.id AS "RelationshipId", rel.client_organisation AS "ClientOrganisation", rel.contact_name AS "ContactName",
                   u.display_name AS "Owner",
                   s.meeting_date AS "StartDate", s.credibility AS "StartCredibility", s.reliability AS "StartReliability",
                   s.intimacy AS "StartIntimacy", s.self_orientation AS "StartSelfOrientation",
                   e.meeting_date AS "EndDate", e.credibility AS "EndCredibility", e.reliability AS "EndReliability",
                   e.intimacy AS "EndIntimacy", e.self_orientation AS "EndSelfOrientation"
            FROM end_state e
            JOIN start_state s ON s.relationship_id = e.relationship_id
            JOIN rel ON rel.id = e.relationship_id
            LEFT JOIN users u ON u.id = rel.owner_id
            WHERE e.meeting_date >= @from AND rel.archived_at IS NULL AND e.trust < s.trust
            ORDER BY e.trust - s.trust, rel.client_organisation
            LIMIT {limit}
            """;
        return scope.QueryAsync<SlippingRelationship>(db, sql, cancellationToken);
    }
}
