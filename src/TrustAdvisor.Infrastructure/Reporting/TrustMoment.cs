using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Reporting;

/// <summary>A single meeting in the period that moved T most, up or down, from the relationship's previous assessment.</summary>
public sealed class TrustMoment
{
    public const int ShownEachWay = 5;

    public Guid RelationshipId { get; init; }
    public Guid OrganisationId { get; init; }
    public string ClientOrganisation { get; init; } = "";
    public string ContactName { get; init; } = "";
    public string? Owner { get; init; }
    public DateOnly MeetingDate { get; init; }
    public string MeetingKind { get; init; } = "";
    public int PreviousCredibility { get; init; }
    public int PreviousReliability { get; init; }
    public int PreviousIntimacy { get; init; }
    public int PreviousSelfOrientation { get; init; }
    public int Credibility { get; init; }
    public int Reliability { get; init; }
    public int Intimacy { get; init; }
    public int SelfOrientation { get; init; }

    public TrustChange Change => TrustChange.Between(
        new TrustFactors(PreviousCredibility, PreviousReliability, PreviousIntimacy, PreviousSelfOrientation),
        new TrustFactors(Credibility, Reliability, Intimacy, SelfOrientation));

    public static SqlStatement Statement(SqlDialect dialect, TeamScope scope, int eachWay)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return Statement(dialect, scope, eachWay, dialect.HasLateralJoins);
    }

    /// <summary>
    /// Every meeting in the period with the step in T from the relationship's assessment before it (LAG, per
    /// relationship), in one of two forms that give the same rows: per relationship in a LATERAL subquery where the
    /// database has them (a few rows, already in order, a thousand times is cheaper than sorting the team's whole
    /// period at once: ADR 6 has the figures), or as one window over the period's rows and each
    /// relationship's state at its start (SQLite). Only the step and the two rows' ids go through the window; the
    /// factors are read for the few meetings chosen.
    /// </summary>
    internal static SqlStatement Statement(SqlDialect dialect, TeamScope scope, int eachWay, bool lateral)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var sql = $"""
            {TeamScope.Cte},
            {(lateral ? LateralSteps : WindowedSteps)},
            moves AS (
                SELECT relationship_id, id, prev_id, meeting_date, trust - prev_trust AS step FROM steps
                WHERE prev_trust IS NOT NULL AND meeting_date >= @from AND meeting_date <= @to
            ),
            chosen AS (
                SELECT * FROM (SELECT * FROM moves WHERE step > 0 ORDER BY step DESC, meeting_date DESC LIMIT {eachWay}) ups
                UNION ALL
                SELECT * FROM (SELECT * FROM moves WHERE step < 0 ORDER BY step, meeting_date DESC LIMIT {eachWay}) downs
            )
            SELECT rel.id AS "RelationshipId", rel.organisation_id AS "OrganisationId", rel.client_organisation AS "ClientOrganisation", rel.contact_name AS "ContactName",
                   u.display_name AS "Owner", a.meeting_date AS "MeetingDate", a.meeting_kind AS "MeetingKind",
                   p.credibility AS "PreviousCredibility", p.reliability AS "PreviousReliability", p.intimacy AS "PreviousIntimacy",
                   p.self_orientation AS "PreviousSelfOrientation", a.credibility AS "Credibility", a.reliability AS "Reliability",
                   a.intimacy AS "Intimacy", a.self_orientation AS "SelfOrientation"
            FROM chosen x
            JOIN assessments a ON a.id = x.id
            JOIN assessments p ON p.id = x.prev_id
            JOIN rel ON rel.id = x.relationship_id
            LEFT JOIN users u ON u.id = rel.owner_id
            ORDER BY x.step DESC, x.meeting_date DESC
            """;
        return scope.Statement(dialect, sql);
    }

    private const string Columns = "id, meeting_date, lineage_id, trust";

    // The previous assessment's T and id, over a window w ordered by meeting.
    private const string Previous = "LAG(trust) OVER w AS prev_trust, LAG(id) OVER w AS prev_id";

    // Per relationship, its rows from the latest meeting before the period (or the period's start) to the period's
    // end: one range of the (relationship, meeting date, lineage) index, already in the window's order, so unsorted.
    private const string LateralSteps = $"""
        steps AS (
            SELECT rel.id AS relationship_id, x.*
            FROM rel CROSS JOIN LATERAL (
                SELECT {Columns}, {Previous}
                FROM assessments a
                WHERE a.relationship_id = rel.id AND a.superseded_at IS NULL AND a.meeting_date <= @to
                  AND a.meeting_date >= COALESCE(
                      (SELECT MAX(b.meeting_date) FROM assessments b
                       WHERE b.relationship_id = rel.id AND b.superseded_at IS NULL AND b.meeting_date < @from), @from)
                WINDOW w AS (ORDER BY a.meeting_date, a.lineage_id)
            ) x
        )
        """;

    private static readonly string WindowedSteps = $"""
        {TeamScope.StatesCte(end: false)},
        nearby AS (
            SELECT relationship_id, {Columns} FROM cur WHERE meeting_date >= @from AND meeting_date <= @to
            UNION ALL
            SELECT relationship_id, {Columns} FROM start_state
        ),
        steps AS (
            SELECT nearby.*, {Previous}
            FROM nearby
            WINDOW w AS (PARTITION BY relationship_id ORDER BY meeting_date, lineage_id)
        )
        """;
}
