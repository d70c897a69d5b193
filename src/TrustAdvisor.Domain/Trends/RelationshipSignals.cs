using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;

namespace TrustAdvisor.Domain.Trends;

/// <summary>
/// What the attention rules read about one relationship.
/// </summary>
/// <param name="Recent">The latest scored meetings, oldest first (three or more let every rule see its pattern).</param>
/// <param name="NinetyDaysAgo">The latest scored meeting at least 90 days before <paramref name="Today"/>, if any.</param>
/// <param name="Stage">Where the relationship is: Meet, Vet, Establish or Maintain.</param>
/// <param name="NextReviewDate">When the advisor meant to look at it again.</param>
/// <param name="TeamMedianTrust">The median of the team's relationships' latest T, if the team has any.</param>
/// <param name="Today">The advisor's today.</param>
/// <param name="LastClientView">When the client last answered a pulse, if ever.</param>
/// <param name="LatestGap">The perception gap at that answer, if the advisor had scored the relationship by then.</param>
/// <param name="ClientViewDueMonths">How long a relationship past Meet may go without the client's view once they gave it.</param>
/// <param name="FirstMeeting">The first scored meeting, if any: a client never asked is due this long after it.</param>
/// <param name="FirstClientViewDays">Days after the first meeting by which a relationship past Meet wants the client's first view.</param>
/// <param name="OverdueCommitments">Promises made to the client that are still open after their due day, and the earliest such due day.</param>
public sealed record RelationshipSignals(
    IReadOnlyList<ScorePoint> Recent,
    ScorePoint? NinetyDaysAgo,
    RelationshipStage Stage,
    DateOnly NextReviewDate,
    double? TeamMedianTrust,
    DateOnly Today,
    DateOnly? LastClientView = null,
    PerceptionGap? LatestGap = null,
    int ClientViewDueMonths = AttentionRules.DefaultClientViewDueMonths,
    DateOnly? FirstMeeting = null,
    int FirstClientViewDays = AttentionRules.DefaultFirstClientViewDays,
    OverdueCommitments? OverdueCommitments = null)
{
    public ScorePoint? Latest => Recent.Count > 0 ? Recent[^1] : null;

    public ScorePoint? Previous => Recent.Count > 1 ? Recent[^2] : null;
}

/// <summary>How many promises to the client are open past their due day, and the earliest of those days.</summary>
public sealed record OverdueCommitments(int Count, DateOnly EarliestDueOn);
