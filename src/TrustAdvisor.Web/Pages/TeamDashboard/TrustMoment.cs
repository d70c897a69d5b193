using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.TeamDashboard;

/// <summary>A single meeting in the period that moved T most, up or down, from the relationship's previous assessment.</summary>
public sealed class TrustMoment
{
    public const int ShownEachWay = 5;

    public Guid RelationshipId { get; init; }
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

    public static Task<List<TrustMoment>> QueryAsync(TrustAdvisorDbContext db, TeamScope scope, int eachWay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        return scope.QueryAsync<TrustMoment>(db, Statement(db.Sql, scope, eachWay), cancellationToken);
    }

    public static SqlStatement Statement(SqlDialect dialect, TeamScope scope, int eachWay)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return Statement(scope, eachWay, dialect.HasLateralJoins);
    }

    /// <summary>
    /// Every meeting in the period with the factors of the relationship's assessment before it (LAG, per
    /// relationship), in one of two forms that give the same rows: per relationship in a LATERAL subquery where the
    /// database has them (sorting a few rows a thousand times is much cheaper than sorting the team's whole period at
    /// once: 27 → 20 ms at 1,000,000 assessments), or as one window over the period's rows and each relationship's
    /// state at its start (SQLite).
    /// </summary>
    internal static SqlStatement Statement(TeamScope scope, int eachWay, bool lateral)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var sql = $"""
            {TeamScope.Cte},
            {(lateral ? LateralSteps : WindowedSteps)},
            moves AS (
                SELECT steps.*, trust - prev_trust AS step FROM steps
                WHERE prev_trust IS NOT NULL AND meeting_date >= @from AND meeting_date <= @to
            ),
            chosen AS (
                SELECT * FROM (SELECT * FROM moves WHERE step > 0 ORDER BY step DESC, meeting_date DESC LIMIT {eachWay}) ups
                UNION ALL
                SELECT * FROM (SELECT * FROM moves WHERE step < 0 ORDER BY step, meeting_date DESC LIMIT {eachWay}) downs
            )
            SELECT rel.id AS "RelationshipId", rel.client_organisation AS "ClientOrganisation", rel.contact_name AS "ContactName",
                   u.display_name AS "Owner", x.meeting_date AS "MeetingDate", x.meeting_kind AS "MeetingKind",
                   x.prev_c AS "PreviousCredibility", x.prev_r AS "PreviousReliability", x.prev_i AS "PreviousIntimacy",
                   x.prev_s AS "PreviousSelfOrientation", x.credibility AS "Credibility", x.reliability AS "Reliability",
                   x.intimacy AS "Intimacy", x.self_orientation AS "SelfOrientation"
            FROM chosen x
            JOIN relationships rel ON rel.id = x.relationship_id
            LEFT JOIN users u ON u.id = rel.owner_id
            ORDER BY x.step DESC, x.meeting_date DESC
            """;
        return new SqlStatement(sql, []);
    }

    private const string Columns = "meeting_date, meeting_kind, lineage_id, credibility, reliability, intimacy, self_orientation, trust";

    // The previous assessment's T and factors, over a window w ordered by meeting.
    private const string Previous = "LAG(trust) OVER w AS prev_trust, LAG(credibility) OVER w AS prev_c, LAG(reliability) OVER w AS prev_r, "
        + "LAG(intimacy) OVER w AS prev_i, LAG(self_orientation) OVER w AS prev_s";

    private const string LateralSteps = $"""
        steps AS (
            SELECT rel.id AS relationship_id, x.*
            FROM rel CROSS JOIN LATERAL (
                SELECT y.*, {Previous}
                FROM (
                    SELECT * FROM (
                        SELECT {Columns} FROM assessments a
                        WHERE a.relationship_id = rel.id AND a.superseded_at IS NULL AND a.meeting_date < @from
                        ORDER BY a.meeting_date DESC, a.lineage_id DESC LIMIT 1) before_period
                    UNION ALL
                    SELECT {Columns} FROM assessments a
                    WHERE a.relationship_id = rel.id AND a.superseded_at IS NULL AND a.meeting_date >= @from AND a.meeting_date <= @to
                ) y
                WINDOW w AS (ORDER BY meeting_date, lineage_id)
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
