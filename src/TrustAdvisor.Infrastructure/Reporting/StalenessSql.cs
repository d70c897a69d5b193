using System.Data.Common;
using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Reporting;

/// <summary><see cref="Staleness"/> in SQL, over a statement's <c>@today</c> and <c>@scored_since</c> parameters.</summary>
public static class StalenessSql
{
    public const string ScoredSinceParameter = "scored_since";

    /// <summary><see cref="Staleness.IsReviewOverdue"/> of two columns.</summary>
    public static string ReviewOverdue(string nextReviewDate, string lastMeeting) =>
        $"({nextReviewDate} < @today AND ({lastMeeting} IS NULL OR {lastMeeting} < {nextReviewDate}))";

    /// <summary><see cref="Staleness.IsNotScoredLately"/> of a column.</summary>
    public static string NotScoredLately(string lastMeeting) => $"({lastMeeting} IS NULL OR {lastMeeting} < @{ScoredSinceParameter})";

    public static string Stale(string nextReviewDate, string lastMeeting) =>
        $"({ReviewOverdue(nextReviewDate, lastMeeting)} OR {NotScoredLately(lastMeeting)})";

    public static DbParameter ScoredSince(SqlDialect dialect, DateOnly today, int days)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return dialect.Day(ScoredSinceParameter, Staleness.ScoredSince(today, days));
    }
}
