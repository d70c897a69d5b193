using System.Data.Common;
using System.Globalization;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Reporting;

/// <summary>
/// Whose data a dashboard query reads and for which period: one team (the page decides which), narrowed by the
/// manager's filters. Every dashboard statement starts from <see cref="Cte"/>, which reads relationships through
/// <see cref="TeamSql.Relationships"/>.
/// </summary>
public sealed record TeamScope(
    Guid TeamId, Guid? AdvisorId, RelationshipStage? Stage, string? Client, DateOnly From, DateOnly To, DateOnly Today)
{
    /// <summary>
    /// rel: the team's relationships that pass the filters; cur: their current assessments (corrected revisions left out).
    /// </summary>
    public const string Cte = $"""
        WITH rel AS (
            SELECT r.id, r.owner_id, o.id AS organisation_id, o.name AS client_organisation, c.name AS contact_name,
                   r.stage, r.next_review_date, r.archived_at
            {TeamSql.Relationships}
              AND (@advisor IS NULL OR r.owner_id = @advisor)
              AND (@stage IS NULL OR r.stage = @stage)
              AND (@client IS NULL OR o.normalized_name LIKE @client ESCAPE '\')
        ),
        cur AS (
            SELECT a.id, a.relationship_id, rel.owner_id, a.meeting_date, a.meeting_kind, a.lineage_id,
                   a.credibility, a.reliability, a.intimacy, a.self_orientation, a.trust
            FROM assessments a JOIN rel ON rel.id = a.relationship_id
            WHERE a.superseded_at IS NULL
        )
        """;

    /// <summary>A statement that starts from <see cref="Cte"/>, with this scope's parameters and its own (new instances each call).</summary>
    public SqlStatement Statement(SqlDialect dialect, string sql, params DbParameter[] more) => new(sql, Parameters(dialect, more));

    private DbParameter[] Parameters(SqlDialect dialect, IEnumerable<DbParameter> more)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return
        [
            dialect.Id(TeamSql.TeamParameter, TeamId),
            dialect.Id("advisor", AdvisorId),
            dialect.Text("stage", Stage?.ToString()),
            dialect.Text("client", ContainsPattern(Client)),
            dialect.Day("from", From),
            dialect.Day("to", To),
            dialect.Day("today", Today),
            .. more,
        ];
    }

    /// <summary>
    /// Each filtered relationship's state at the period's end (its latest assessment on or before it), at the start
    /// (its latest before it), and its first assessment inside the period: three index probes per relationship rather
    /// than a pass over its whole history. states has the relationship's columns too, so queries need not join rel again
    /// (its row estimate is poor); end_state and start_state are assessment rows with the owner added.
    /// </summary>
    public static string StatesCte(bool end = true, bool start = true, bool firstInPeriod = false)
    {
        const string Probe = """
            (SELECT a.id FROM assessments a
             WHERE a.relationship_id = rel.id AND a.superseded_at IS NULL AND {0}
             ORDER BY {1} LIMIT 1)
            """;
        var columns = new List<string> { "rel.*", "rel.id AS relationship_id" };
        if (end)
        {
            columns.Add(string.Format(CultureInfo.InvariantCulture, Probe, "a.meeting_date <= @to", "a.meeting_date DESC, a.lineage_id DESC") + " AS end_id");
        }

        if (start)
        {
            columns.Add(string.Format(CultureInfo.InvariantCulture, Probe, "a.meeting_date < @from", "a.meeting_date DESC, a.lineage_id DESC") + " AS start_id");
        }

        if (firstInPeriod)
        {
            columns.Add(string.Format(CultureInfo.InvariantCulture, Probe, "a.meeting_date >= @from AND a.meeting_date <= @to", "a.meeting_date, a.lineage_id") + " AS first_in_period_id");
        }

        return $"""
            states AS (SELECT {string.Join(",\n", columns)} FROM rel),
            end_state AS (SELECT s.owner_id, a.* FROM states s JOIN assessments a ON a.id = {(end ? "s.end_id" : "NULL")}),
            start_state AS (SELECT s.owner_id, a.* FROM states s JOIN assessments a ON a.id = {(start ? "s.start_id" : "NULL")})
            """;
    }

    /// <summary>Every filtered relationship with the date of its latest meeting (an index probe each).</summary>
    public const string RelationshipsWithLastMeeting = """
        SELECT rel.*, (SELECT MAX(a.meeting_date) FROM assessments a
                       WHERE a.relationship_id = rel.id AND a.superseded_at IS NULL) AS last_date
        FROM rel
        """;

    private static string? ContainsPattern(string? client)
    {
        var trimmed = client?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var escaped = trimmed.ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        return $"%{escaped}%";
    }
}
