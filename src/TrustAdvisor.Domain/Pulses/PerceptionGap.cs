using System.Globalization;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Pulses;

/// <summary>
/// The advisor's score minus the client's, per factor and for T, at the time of the client's answer (the advisor's
/// latest assessment on or before that day). Positive above the line means the advisor thinks better of the
/// relationship than the client does; for S it is the other way round, since a higher S is worse.
/// </summary>
public sealed record PerceptionGap(DateOnly On, TrustFactors Advisor, TrustFactors Client)
{
    /// <summary>The client's T this far below the advisor's, or further, is a blind spot (ADR 12).</summary>
    public const decimal BlindSpotShare = 0.25m;

    public decimal AdvisorTrust => TrustEquation.Exact(Advisor);
    public decimal ClientTrust => TrustEquation.Exact(Client);
    public decimal TrustGap => AdvisorTrust - ClientTrust;

    public int this[Factor factor] => Advisor[factor] - Client[factor];

    /// <summary>The advisor believes in trust the client does not feel: the client's T is at least a quarter below theirs.</summary>
    public bool IsBlindSpot => TrustGap >= BlindSpotShare * AdvisorTrust;

    /// <summary>How much better the advisor sees a factor than the client: the gap, turned round for S.</summary>
    public int Leniency(Factor factor) => factor == Factor.SelfOrientation ? -this[factor] : this[factor];

    /// <summary>"You rated reliability 8; Jane Doe rated it 5."</summary>
    public string Describe(Factor factor, string contactName)
    {
        var name = FactorNames.InSentence(factor);
        var mine = Advisor[factor];
        var theirs = Client[factor];
        if (factor == Factor.SelfOrientation)
        {
            var answer = TrustFactors.Max + TrustFactors.Min - theirs;
            return Invariant($"You rated {name} {mine}; {contactName}'s answer puts it at {theirs} (\"puts my interests first\": {answer} of 10).");
        }

        return mine == theirs
            ? Invariant($"You and {contactName} both rated {name} {mine}.")
            : Invariant($"You rated {name} {mine}; {contactName} rated it {theirs}.");
    }

    /// <summary>"Your T was 6.0; Jane Doe's answers give 4.2, a gap of +1.8."</summary>
    public string DescribeTrust(string contactName) =>
        $"Your T was {TrustEquation.Format(AdvisorTrust)}; {contactName}'s answers give {TrustEquation.Format(ClientTrust)}, a gap of {TrustEquation.FormatDelta(TrustGap)}.";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
