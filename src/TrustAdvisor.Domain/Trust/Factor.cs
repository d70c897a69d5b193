namespace TrustAdvisor.Domain.Trust;

/// <summary>The four factors of the Trust Equation. Self-orientation is the only one that should shrink.</summary>
public enum Factor
{
    Credibility,
    Reliability,
    Intimacy,
    SelfOrientation,
}

public static class FactorNames
{
    public static string Of(Factor factor) => factor switch
    {
        Factor.Credibility => "Credibility",
        Factor.Reliability => "Reliability",
        Factor.Intimacy => "Intimacy",
        Factor.SelfOrientation => "Self-orientation",
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, "Unknown factor."),
    };

    /// <summary>The factor's name in running text ("mostly because self-orientation rose").</summary>
    public static string InSentence(Factor factor) => Of(factor).ToLowerInvariant();
}
