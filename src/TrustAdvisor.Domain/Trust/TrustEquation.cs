using System.Globalization;

namespace TrustAdvisor.Domain.Trust;

/// <summary>
/// T = (C + R + I) / S, computed here and nowhere else.
/// Precision (docs/decisions/0002-trust-precision.md): the factors are the record; T is derived.
/// T is stored rounded to two decimals (half away from zero) so it can be queried and sorted,
/// and shown with one decimal. Every combination of factors shows the same one-decimal figure
/// from the stored value as from the exact ratio (a unit test walks all 10,000).
/// </summary>
public static class TrustEquation
{
    public const int StoredDecimals = 2;

    public static decimal Exact(TrustFactors factors) => (decimal)factors.Numerator / factors.SelfOrientation;

    public static double Stored(TrustFactors factors) =>
        (double)Math.Round(Exact(factors), StoredDecimals, MidpointRounding.AwayFromZero);

    public static decimal Shown(double storedTrust) =>
        Math.Round((decimal)storedTrust, 1, MidpointRounding.AwayFromZero);

    public static string Format(double storedTrust) => Shown(storedTrust).ToString("0.0", CultureInfo.InvariantCulture);

    public static string Format(decimal trust) =>
        Math.Round(trust, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A change in T for display, with its sign ("+1.5", "-0.3", "0.0").</summary>
    public static string FormatDelta(decimal delta)
    {
        var rounded = Math.Round(delta, 1, MidpointRounding.AwayFromZero);
        return rounded > 0
            ? "+" + rounded.ToString("0.0", CultureInfo.InvariantCulture)
            : rounded.ToString("0.0", CultureInfo.InvariantCulture);
    }
}
