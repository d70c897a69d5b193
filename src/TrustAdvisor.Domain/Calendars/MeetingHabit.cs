namespace TrustAdvisor.Domain.Calendars;

/// <summary>
/// How well a person keeps the habit of scoring after each meeting: the client meetings their calendar showed in a
/// period (those dismissed as not client meetings left out), and how many were scored within
/// <see cref="ScoredWithin"/> of their end. A meeting that ended less than that ago and is not scored yet is still
/// open and counts neither way.
/// </summary>
public sealed record MeetingHabit(int Meetings, int ScoredInTime)
{
    public static readonly TimeSpan ScoredWithin = TimeSpan.FromDays(2);

    /// <summary>The days a period looks back on the overview.</summary>
    public const int PeriodDays = 30;

    /// <summary>The share scored in time, 0 to 1; null with no meeting to score.</summary>
    public double? Share => Meetings == 0 ? null : (double)ScoredInTime / Meetings;

    public static bool IsInTime(DateTime meetingEnded, DateTime? firstScoredAt) =>
        firstScoredAt is { } scored && scored - meetingEnded <= ScoredWithin;

    /// <summary>The habit over meetings that ended by <paramref name="now"/>, each with when it was first scored, if ever.</summary>
    public static MeetingHabit Of(IEnumerable<(DateTime EndedAt, DateTime? FirstScoredAt)> meetings, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        int counted = 0, inTime = 0;
        foreach (var (ended, scored) in meetings)
        {
            if (IsInTime(ended, scored))
            {
                counted++;
                inTime++;
            }
            else if (now - ended > ScoredWithin)
            {
                counted++;
            }
        }

        return new MeetingHabit(counted, inTime);
    }

    /// <summary>"5 of 7 (71%)", or "no client meetings yet".</summary>
    public string Describe() => Share is { } share
        ? $"{ScoredInTime} of {Meetings} ({Math.Round(share * 100, MidpointRounding.AwayFromZero):0}%)"
        : "no client meetings yet";
}
