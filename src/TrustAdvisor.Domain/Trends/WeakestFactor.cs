using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Trends;

public static class WeakestFactor
{
    /// <summary>
    /// The factor furthest from its best: the lowest of credibility, reliability and intimacy, or self-orientation
    /// when it is as high (self-orientation 8 is as weak as intimacy 3). On a tie, self-orientation first, since it
    /// divides everything else, then intimacy, the one that is slowest to grow.
    /// </summary>
    public static Factor Of(TrustFactors factors) =>
        new[] { Factor.SelfOrientation, Factor.Intimacy, Factor.Reliability, Factor.Credibility }
            .MinBy(f => Strength(factors, f));

    /// <summary>1 (weakest) to 10 (strongest), with self-orientation turned around.</summary>
    public static int Strength(TrustFactors factors, Factor factor) =>
        factor == Factor.SelfOrientation ? TrustFactors.Max + TrustFactors.Min - factors.SelfOrientation : factors[factor];
}
