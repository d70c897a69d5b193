using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Coaching;

/// <summary>Why a factor is one to work on.</summary>
public enum CoachingReason
{
    /// <summary>It moved T most in the last drop.</summary>
    DroveTheDrop,

    /// <summary>The advisor rated it furthest above the client's own answer.</summary>
    LargestGap,

    /// <summary>It is the relationship's weakest now.</summary>
    Weakest,
}

/// <summary>A factor to work on, why, and what to do about it.</summary>
public sealed record CoachingTopic(Factor Factor, IReadOnlyList<CoachingReason> Reasons)
{
    public IReadOnlyList<string> Practices => Coaching.Practices.For(Factor);

    /// <summary>"it drove the last drop and it is the weakest now".</summary>
    public string Why() => string.Join(" and ", Reasons.Select(r => r switch
    {
        CoachingReason.DroveTheDrop => "it drove the last drop",
        CoachingReason.LargestGap => "the client rated it furthest below you",
        _ => "it is the weakest now",
    }));
}

/// <summary>
/// Where coaching helps a relationship: the factor that drove its last drop, the factor of the largest perception gap
/// (only where the advisor rated it higher than the client did), and its weakest factor; one topic a factor, in that
/// order, with every reason it has.
/// </summary>
public static class CoachingFocus
{
    public static IReadOnlyList<CoachingTopic> For(TrustFactors? latest, TrustChange? lastChange, PerceptionGap? gap)
    {
        var reasons = new List<(Factor Factor, CoachingReason Reason)>();
        if (lastChange is { Delta: < 0, Driver: { } driver })
        {
            reasons.Add((driver.Factor, CoachingReason.DroveTheDrop));
        }

        if (gap is not null && Factors.All.MaxBy(gap.Leniency) is var lenient && gap.Leniency(lenient) > 0)
        {
            reasons.Add((lenient, CoachingReason.LargestGap));
        }

        if (latest is { } factors)
        {
            reasons.Add((WeakestFactor.Of(factors), CoachingReason.Weakest));
        }

        return [.. reasons.GroupBy(r => r.Factor).Select(g => new CoachingTopic(g.Key, [.. g.Select(r => r.Reason)]))];
    }
}
