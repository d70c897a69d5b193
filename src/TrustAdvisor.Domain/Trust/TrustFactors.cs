namespace TrustAdvisor.Domain.Trust;

/// <summary>
/// One scoring of the four factors, each a whole number from 1 to 10.
/// Anything that would make T undefined or meaningless (S = 0, a factor out of range) cannot be constructed.
/// </summary>
public readonly record struct TrustFactors
{
    public const int Min = 1;
    public const int Max = 10;

    public TrustFactors(int credibility, int reliability, int intimacy, int selfOrientation)
    {
        Credibility = Check(credibility, Factor.Credibility);
        Reliability = Check(reliability, Factor.Reliability);
        Intimacy = Check(intimacy, Factor.Intimacy);
        SelfOrientation = Check(selfOrientation, Factor.SelfOrientation);
    }

    public int Credibility { get; }
    public int Reliability { get; }
    public int Intimacy { get; }
    public int SelfOrientation { get; }

    /// <summary>C + R + I, the part above the line.</summary>
    public int Numerator => Credibility + Reliability + Intimacy;

    public int this[Factor factor] => factor.Pick(Credibility, Reliability, Intimacy, SelfOrientation);

    public static bool IsValidScore(int score) => score is >= Min and <= Max;

    private static int Check(int score, Factor factor) =>
        IsValidScore(score)
            ? score
            : throw new ArgumentOutOfRangeException(
                FactorNames.Of(factor), score, $"{FactorNames.Of(factor)} must be a whole number from {Min} to {Max}.");
}
