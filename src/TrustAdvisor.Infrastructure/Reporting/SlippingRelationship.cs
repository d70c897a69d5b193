using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Reporting;

/// <summary>
/// A relationship whose T is lower at the period's end than at its start (the latest assessment before the period,
/// or, for one first scored during it, its first assessment in the period).
/// </summary>
public sealed class SlippingRelationship
{
    public const int Shown = 10;

    public Guid RelationshipId { get; init; }
    public Guid OrganisationId { get; init; }
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

    /// <summary>How many relationships are slipping in all, of which the query returned the first few.</summary>
    public long Total { get; init; }

    public TrustChange Change => TrustChange.Between(
        new TrustFactors(StartCredibility, StartReliability, StartIntimacy, StartSelfOrientation),
        new TrustFactors(EndCredibility, EndReliability, EndIntimacy, EndSelfOrientation));

    public static SqlStatement Statement(SqlDialect dialect, TeamScope scope, int limit)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(scope);
        var sql = $"""
            {TeamScope.Cte},
            {TeamScope.StatesCte(firstInPeriod: true)}
            SELECT s.id AS "RelationshipId", s.organisation_id AS "OrganisationId", s.client_organisation AS "ClientOrganisation", s.contact_name AS "ContactName",
                   u.display_name AS "Owner",
                   b.meeting_date AS "StartDate", b.credibility AS "StartCredibility", b.reliability AS "StartReliability",
                   b.intimacy AS "StartIntimacy", b.self_orientation AS "StartSelfOrientation",
                   e.meeting_date AS "EndDate", e.credibility AS "EndCredibility", e.reliability AS "EndReliability",
                   e.intimacy AS "EndIntimacy", e.self_orientation AS "EndSelfOrientation",
                   COUNT(*) OVER () AS "Total"
            FROM states s
            JOIN assessments e ON e.id = s.end_id
            JOIN assessments b ON b.id = COALESCE(s.start_id, s.first_in_period_id)
            LEFT JOIN users u ON u.id = s.owner_id
            WHERE e.meeting_date >= @from AND s.archived_at IS NULL AND e.trust < b.trust
            ORDER BY e.trust - b.trust, s.client_organisation
            LIMIT {limit}
            """;
        return scope.Statement(dialect, sql);
    }
}
