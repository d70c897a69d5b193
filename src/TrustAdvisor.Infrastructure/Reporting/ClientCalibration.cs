using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Reporting;

/// <summary>
/// One advisor's line of the dashboard's client view: over the pulses about them answered in the period, the mean gap
/// per factor between their own latest score on or before each answer and the client's answer (their calibration),
/// and how many of the links made in the period were answered.
/// </summary>
public sealed class ClientCalibration
{
    public Guid AdvisorId { get; init; }
    public string Name { get; init; } = "";

    /// <summary>Answers in the period that have a score of the advisor's to compare with.</summary>
    public long Answers { get; init; }

    public double? Credibility { get; init; }
    public double? Reliability { get; init; }
    public double? Intimacy { get; init; }
    public double? SelfOrientation { get; init; }

    /// <summary>Links made in the period, less those withdrawn and those still open: the ones the client has had their chance to answer.</summary>
    public long Asked { get; init; }

    /// <summary>How many of <see cref="Asked"/> were answered.</summary>
    public long Answered { get; init; }

    /// <summary>The median of the clients' T over every answer in the period (all advisors together): the same on every row.</summary>
    public double? ClientsMedianTrust { get; init; }

    /// <summary>Every answer in the period, with or without a score of the advisor's to compare.</summary>
    public long AllAnswers { get; init; }

    public double? ResponseRate => Asked == 0 ? null : (double)Answered / Asked;

    public Calibration Calibration => new(Answers, Credibility, Reliability, Intimacy, SelfOrientation);

    public static SqlStatement Statement(SqlDialect dialect, TeamScope scope)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(scope);
        var sql = $"""
            {TeamScope.Cte},
            answered AS (
                SELECT p.advisor_id, p.trust, p.credibility, p.reliability, p.intimacy, p.self_orientation,
                       (SELECT a.id FROM assessments a
                        WHERE a.relationship_id = p.relationship_id AND a.superseded_at IS NULL AND a.meeting_date <= p.answered_on
                        ORDER BY a.meeting_date DESC, a.lineage_id DESC LIMIT 1) AS scored_id
                FROM pulses p JOIN rel ON rel.id = p.relationship_id
                WHERE p.status = 'Answered' AND p.answered_on >= @from AND p.answered_on <= @to
            ),
            gaps AS (
                SELECT g.advisor_id,
                       CAST(AVG(a.credibility - g.credibility) AS DOUBLE PRECISION) AS c,
                       CAST(AVG(a.reliability - g.reliability) AS DOUBLE PRECISION) AS r,
                       CAST(AVG(a.intimacy - g.intimacy) AS DOUBLE PRECISION) AS i,
                       CAST(AVG(a.self_orientation - g.self_orientation) AS DOUBLE PRECISION) AS s,
                       COUNT(*) AS n
                FROM answered g JOIN assessments a ON a.id = g.scored_id
                GROUP BY g.advisor_id
            ),
            asked AS (
                SELECT p.advisor_id,
                       SUM(CASE WHEN p.status = 'Withdrawn' OR (p.status = 'Open' AND p.expires_at >= @today) THEN 0 ELSE 1 END) AS asked,
                       SUM(CASE WHEN p.status = 'Answered' THEN 1 ELSE 0 END) AS answered
                FROM pulses p JOIN rel ON rel.id = p.relationship_id
                WHERE p.asked_at >= @from AND p.asked_at < @after
                GROUP BY p.advisor_id
            )
            SELECT u.id AS "AdvisorId", u.display_name AS "Name", COALESCE(g.n, 0) AS "Answers",
                   g.c AS "Credibility", g.r AS "Reliability", g.i AS "Intimacy", g.s AS "SelfOrientation",
                   COALESCE(k.asked, 0) AS "Asked", COALESCE(k.answered, 0) AS "Answered",
                   (SELECT {dialect.Median("trust")} FROM answered) AS "ClientsMedianTrust",
                   (SELECT COUNT(*) FROM answered) AS "AllAnswers"
            FROM users u
            LEFT JOIN gaps g ON g.advisor_id = u.id
            LEFT JOIN asked k ON k.advisor_id = u.id
            WHERE g.advisor_id IS NOT NULL OR k.advisor_id IS NOT NULL
            ORDER BY u.display_name
            """;
        return scope.Statement(dialect, sql, dialect.Day("after", scope.To.AddDays(1)));
    }
}
