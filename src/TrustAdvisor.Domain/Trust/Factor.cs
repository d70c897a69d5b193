namespace TrustAdvisor.Domain.Trust;

/// <summary>The four factors of the Trust Equation. Self-orientation is the only one that should shrink.</summary>
public enum Factor
{
    Credibility,
    Reliability,
    Intimacy,
    SelfOrientation,
}

public static class Factors
{
    /// <summary>The four, in the equation's order.</summary>
    public static IReadOnlyList<Factor> All { get; } = [Factor.Credibility, Factor.Reliability, Factor.Intimacy, Factor.SelfOrientation];

    /// <summary>The one of four values that belongs to <paramref name="factor"/>: every per-factor read goes through here.</summary>
    public static T Pick<T>(this Factor factor, T credibility, T reliability, T intimacy, T selfOrientation) => factor switch
    {
        Factor.Credibility => credibility,
        Factor.Reliability => reliability,
        Factor.Intimacy => intimacy,
        Factor.SelfOrientation => selfOrientation,
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, "Unknown factor."),
    };
}

public static class FactorNames
{
    public static string Of(Factor factor) => factor.Pick("Credibility", "Reliability", "Intimacy", "Self-orientation");

    /// <summary>The factor's name in running text ("mostly because self-orientation rose").</summary>
    public static string InSentence(Factor factor) => Of(factor).ToLowerInvariant();
}
