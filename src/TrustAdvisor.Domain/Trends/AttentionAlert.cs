namespace TrustAdvisor.Domain.Trends;

/// <summary>Why a relationship needs attention, most urgent first (the order ranks the advisor's overview).</summary>
public enum AlertKind
{
    OverdueReview,
    OverdueCommitment,
    SharpDrop,
    BlindSpot,
    SelfOrientationRising,
    FactorKeepsFalling,
    IntimacyStalled,
    MaintainBelowTeamMedian,
    NoClientViewLately,
}

/// <summary>One reason to look at a relationship, in plain words.</summary>
public sealed record AttentionAlert(AlertKind Kind, string Message);
