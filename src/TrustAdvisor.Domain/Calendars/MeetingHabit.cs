namespace TrustAdvisor.Domain.Calendars;

/// <summary>
/// How well a person keeps the habit of scoring after each meeting: the client meetings their calendar showed in a
/// period (those dismissed as not client meetings left out), and how many were scored within
/// <see cref="ScoredWithin"/> of their end.
/// </summary>
public sealed record MeetingHabit(int Meetings, int ScoredInTime)
{
    public static readonly TimeSpan ScoredWithin = TimeSpan.FromDays(2);

    /// <summary>The days a period looks back.</summary>
    public const int PeriodDays = 30;

    /// <summary>The share scored in time, 0 to 1; null with no meeting to score.</summary>
    public double? Share => Meetings == 0 ? null : (double)ScoredInTime / Meetings;

    public static bool IsInTime(DateTime meetingEnded, DateTime? firstScoredAt) =>
        firstScoredAt is { } scored && scored - meetingEnded <= ScoredWithin;

    /// <summary>"5 of 7 (71%)", or "no client meetings yet".</summary>
    public string Describe() => Share is { } share
        ? $"{ScoredInTime} of {Meetings} ({Math.Round(share * 100, MidpointRounding.AwayFromZero):0}%)"
        : "no client meetings yet";
}
