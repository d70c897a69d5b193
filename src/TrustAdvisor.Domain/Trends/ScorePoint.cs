using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Trends;

/// <summary>One scored meeting in a relationship's history: when, and the four factors.</summary>
public readonly record struct ScorePoint(DateOnly Date, TrustFactors Factors)
{
    public decimal Trust => TrustEquation.Exact(Factors);
}
