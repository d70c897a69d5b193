using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Pulses;

/// <summary>
/// What a client answered to the four statements, each from 1 to 10, higher always better for the client. The fourth
/// ("they put my interests first") is the client's side of self-orientation, asked the right way round, so it is
/// turned into S by <see cref="SelfOrientationFrom"/>: 10 (always my interests first) is S = 1, 1 is S = 10 (ADR 12).
/// </summary>
public readonly record struct ClientAnswers
{
    public ClientAnswers(int credibility, int reliability, int intimacy, int interestsFirst)
    {
        Factors = new TrustFactors(credibility, reliability, intimacy, SelfOrientationFrom(interestsFirst));
        InterestsFirst = interestsFirst;
    }

    /// <summary>The answer to "they put my interests first", as the client gave it.</summary>
    public int InterestsFirst { get; }

    /// <summary>The answers as the Trust Equation's factors, S converted.</summary>
    public TrustFactors Factors { get; }

    /// <summary>S from the interests-first answer: the scale mirrored, so both run from 1 to 10.</summary>
    public static int SelfOrientationFrom(int interestsFirst) =>
        TrustFactors.IsValidScore(interestsFirst)
            ? TrustFactors.Max + TrustFactors.Min - interestsFirst
            : throw new ArgumentOutOfRangeException(
                nameof(interestsFirst), interestsFirst, $"The answer must be a whole number from {TrustFactors.Min} to {TrustFactors.Max}.");
}
