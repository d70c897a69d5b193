using System.Globalization;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

/// <summary>The columns that hold <see cref="TrustFactors"/>, in assessments and pulses alike, and the range the database holds them to.</summary>
internal static class FactorColumns
{
    public const string Credibility = "credibility";
    public const string Reliability = "reliability";
    public const string Intimacy = "intimacy";
    public const string SelfOrientation = "self_orientation";

    public static IReadOnlyList<string> All { get; } = [Credibility, Reliability, Intimacy, SelfOrientation];

    /// <summary>The check that keeps a column on the domain's scale.</summary>
    public static string InRange(string column) =>
        string.Create(CultureInfo.InvariantCulture, $"{column} BETWEEN {TrustFactors.Min} AND {TrustFactors.Max}");
}
