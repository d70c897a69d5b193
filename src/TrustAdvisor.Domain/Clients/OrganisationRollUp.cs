using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Clients;

/// <summary>One relationship at an organisation as its roll-up sees it: the contact and the latest scores, if any.</summary>
public sealed record ThreadScore(Guid RelationshipId, Guid ContactId, TrustFactors? Latest)
{
    public double? Trust => Latest is { } factors ? TrustEquation.Stored(factors) : null;
}

/// <summary>
/// An organisation's relationships summed up the way the domain allows (a median of T, never a mean of it): the
/// median, the weakest relationship, the factor weakest across them, and whether its trust hangs on one contact.
/// Relationships not scored yet count for nothing but are listed by the page.
/// </summary>
public sealed record OrganisationRollUp(double? MedianTrust, ThreadScore? Weakest, Factor? WeakestFactor, SingleThread? SingleThread)
{
    public static OrganisationRollUp Of(IReadOnlyCollection<ThreadScore> relationships)
    {
        ArgumentNullException.ThrowIfNull(relationships);
        var scored = relationships.Where(r => r.Latest is not null).ToList();
        return new OrganisationRollUp(
            TrustStatistics.Median(scored.Select(r => r.Trust!.Value)),
            scored.MinBy(r => r.Trust),
            WeakestAcross(scored),
            Clients.SingleThread.Of(scored));
    }

    /// <summary>The factor with the lowest mean strength (self-orientation turned around), ties broken as for one relationship.</summary>
    private static Factor? WeakestAcross(List<ThreadScore> scored) =>
        scored.Count == 0
            ? null
            : new[] { Factor.SelfOrientation, Factor.Intimacy, Factor.Reliability, Factor.Credibility }
                .MinBy(f => scored.Average(r => Trends.WeakestFactor.Strength(r.Latest!.Value, f)));
}
