using System.Globalization;

namespace TrustAdvisor.Domain.Trust;

/// <summary>How much of a change in T one factor accounts for.</summary>
public sealed record FactorContribution(Factor Factor, int From, int To, decimal Contribution)
{
    public bool Changed => From != To;
}

/// <summary>
/// The change in T between two consecutive assessments, attributed to the factors.
/// T = N / S with N = C + R + I. The change splits exactly (Shapley values of N and S):
///   N's share = ΔN · (1/S₁ + 1/S₂) / 2, divided among C, R and I by their own Δ (the split is linear);
///   S's share = (N₁ + N₂) / 2 · (1/S₂ − 1/S₁).
/// The four contributions always add up to T₂ − T₁, whichever order the factors moved in.
/// </summary>
public sealed class TrustChange
{
    private TrustChange(decimal from, decimal to, IReadOnlyList<FactorContribution> contributions)
    {
        From = from;
        To = to;
        Contributions = contributions;
    }

    public decimal From { get; }
    public decimal To { get; }
    public decimal Delta => To - From;
    public IReadOnlyList<FactorContribution> Contributions { get; }

    /// <summary>
    /// A step: T moved by <see cref="StepShare"/> or more of where it was, up or down. Trust moves in such steps (the
    /// moments that matter); the relationship's chart and history mark them. A fall this size is the sharp drop alert.
    /// </summary>
    public const decimal StepShare = 0.20m;

    /// <summary>The change as a whole percentage of where T was (−40 for a fall from 7.0 to 4.2).</summary>
    public decimal PercentChange => From == 0 ? 0 : Math.Round(Delta / From * 100, 0, MidpointRounding.AwayFromZero);

    public bool IsStep => From > 0 && Math.Abs(Delta) / From >= StepShare;

    /// <summary>A step down: the sharp drop the overview flags and the manager is alerted to.</summary>
    public bool IsSharpDrop => Delta < 0 && IsStep;

    /// <summary>The factor that moved T most in the direction it went; null when T did not move.</summary>
    public FactorContribution? Driver =>
        Delta == 0
            ? null
            : Contributions
                .Where(c => Math.Sign(c.Contribution) == Math.Sign(Delta))
                .MaxBy(c => Math.Abs(c.Contribution));

    public static TrustChange Between(TrustFactors previous, TrustFactors current)
    {
        var inverseSum = (1m / previous.SelfOrientation) + (1m / current.SelfOrientation);
        decimal NumeratorShare(Factor f) => (current[f] - previous[f]) * inverseSum / 2m;
        var selfOrientationShare = (previous.Numerator + current.Numerator) / 2m
            * ((1m / current.SelfOrientation) - (1m / previous.SelfOrientation));

        var contributions = new[]
        {
            Contribution(Factor.Credibility, NumeratorShare(Factor.Credibility)),
            Contribution(Factor.Reliability, NumeratorShare(Factor.Reliability)),
            Contribution(Factor.Intimacy, NumeratorShare(Factor.Intimacy)),
            Contribution(Factor.SelfOrientation, selfOrientationShare),
        };
        return new TrustChange(TrustEquation.Exact(previous), TrustEquation.Exact(current), contributions);

        FactorContribution Contribution(Factor f, decimal share) => new(f, previous[f], current[f], share);
    }

    /// <summary>"T fell from 7.0 to 4.2, mostly because self-orientation rose from 3 to 5."</summary>
    public string Describe()
    {
        var from = TrustEquation.Format(From);
        var to = TrustEquation.Format(To);
        var driver = Driver;
        if (driver is null || from == to)
        {
            return Contributions.Any(c => c.Changed)
                ? $"T held at {to}: the factors moved but balanced out."
                : $"T held at {to}.";
        }

        var direction = Delta > 0 ? "rose" : "fell";
        var movedFactors = Contributions.Count(c => c.Contribution != 0);
        var grossMovement = Contributions.Sum(c => Math.Abs(c.Contribution));
        var because = movedFactors == 1 ? "because"
            : Math.Abs(driver.Contribution) * 2 > grossMovement ? "mostly because"
            : "partly because";
        var factorVerb = driver.To > driver.From ? "rose" : "fell";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"T {direction} from {from} to {to}, {because} {FactorNames.InSentence(driver.Factor)} {factorVerb} from {driver.From} to {driver.To}.");
    }
}
