namespace TrustAdvisor.Domain.Trends;

/// <summary>
/// When a relationship is waiting for a score: its review date has passed with no meeting scored on or after it
/// (overdue), or no meeting has been scored in a number of days (not scored lately). The overview's alert, the
/// dashboard's "not assessed lately", the advisor's reminder and the SQL behind the dashboard all follow these rules
/// (the SQL is <c>StalenessSql</c>, tested to agree with them).
/// </summary>
public static class Staleness
{
    /// <summary>How many days without a scored meeting make a relationship "not scored lately", unless set otherwise.</summary>
    public const int DefaultNotScoredDays = 60;

    /// <summary>The review date has passed and no meeting was scored on or after it.</summary>
    public static bool IsReviewOverdue(DateOnly nextReviewDate, DateOnly? lastMeeting, DateOnly today) =>
        nextReviewDate < today && (lastMeeting is null || lastMeeting < nextReviewDate);

    /// <summary>Never scored, or the last scored meeting is before <see cref="ScoredSince"/>.</summary>
    public static bool IsNotScoredLately(DateOnly? lastMeeting, DateOnly today, int days) =>
        lastMeeting is null || lastMeeting < ScoredSince(today, days);

    /// <summary>The first day a meeting may be on and still count as scored lately.</summary>
    public static DateOnly ScoredSince(DateOnly today, int days) => today.AddDays(-days);

    public static bool IsStale(DateOnly nextReviewDate, DateOnly? lastMeeting, DateOnly today, int days) =>
        IsReviewOverdue(nextReviewDate, lastMeeting, today) || IsNotScoredLately(lastMeeting, today, days);
}
