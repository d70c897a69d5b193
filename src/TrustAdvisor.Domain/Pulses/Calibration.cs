using System.Globalization;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Pulses;

public enum CalibrationKind
{
    /// <summary>Too few answers to say.</summary>
    Unknown,
    InStep,

    /// <summary>Scores themselves above what clients say.</summary>
    Lenient,

    /// <summary>Scores themselves below what clients say.</summary>
    Severe,
}

/// <summary>
/// An advisor's typical perception gap across their clients over a period: the mean gap per factor (advisor minus
/// client) over <see cref="Answers"/> answered pulses. A coaching topic, not a ranking (docs/domain.md).
/// </summary>
public sealed record Calibration(long Answers, double? Credibility, double? Reliability, double? Intimacy, double? SelfOrientation)
{
    /// <summary>Fewer answers than this are shown, marked as a small sample, and given no verdict.</summary>
    public const int SmallSample = 5;

    /// <summary>A mean lead or lag of a whole point on a factor makes an advisor lenient or severe on it.</summary>
    public const double Threshold = 1.0;

    public bool IsSmallSample => Answers < SmallSample;

    public double? MeanGap(Factor factor) => factor.Pick(Credibility, Reliability, Intimacy, SelfOrientation);

    /// <summary>How much better than the client the advisor sees a factor on average (the gap turned round for S).</summary>
    public double? Leniency(Factor factor) => MeanGap(factor) is { } gap ? (factor == Factor.SelfOrientation ? -gap : gap) : null;

    /// <summary>The factor the advisor is furthest from their clients on, if any.</summary>
    public Factor? MostOff => Factors.All
        .Where(f => Leniency(f) is not null)
        .OrderByDescending(f => Math.Abs(Leniency(f)!.Value))
        .Select(f => (Factor?)f)
        .FirstOrDefault();

    public CalibrationKind Kind =>
        IsSmallSample || MostOff is not { } factor ? CalibrationKind.Unknown
        : Leniency(factor) >= Threshold ? CalibrationKind.Lenient
        : Leniency(factor) <= -Threshold ? CalibrationKind.Severe
        : CalibrationKind.InStep;

    /// <summary>"Lenient on reliability (+2.1 above clients)", "In step with clients", "Too few answers (3)".</summary>
    public string Describe()
    {
        var factor = MostOff;
        return Kind switch
        {
            CalibrationKind.Lenient => Invariant($"Lenient on {FactorNames.InSentence(factor!.Value)}: {Leniency(factor.Value):0.0} better than clients say"),
            CalibrationKind.Severe => Invariant($"Severe on {FactorNames.InSentence(factor!.Value)}: {-Leniency(factor.Value):0.0} worse than clients say"),
            CalibrationKind.InStep => "In step with clients",
            _ => Answers == 0 ? "No answers yet" : Invariant($"Too few answers to say ({Answers})"),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
