using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Trends;

/// <summary>
/// How to summarise T over many relationships. T is a ratio: a plain mean of T is dominated by the few
/// relationships with a very low self-orientation, so a team figure is the median of T, or T of the mean factors.
/// </summary>
public static class TrustStatistics
{
    /// <summary>The middle value; the mean of the two middle values when the count is even; null when empty.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>T computed from the mean of each factor: (mean C + mean R + mean I) / mean S.</summary>
    public static double TrustOfMeans(double meanCredibility, double meanReliability, double meanIntimacy, double meanSelfOrientation)
    {
        if (meanSelfOrientation < TrustFactors.Min || meanSelfOrientation > TrustFactors.Max)
        {
            throw new ArgumentOutOfRangeException(
                nameof(meanSelfOrientation), meanSelfOrientation, "A mean of scores from 1 to 10 lies from 1 to 10.");
        }

        return (meanCredibility + meanReliability + meanIntimacy) / meanSelfOrientation;
    }
}
