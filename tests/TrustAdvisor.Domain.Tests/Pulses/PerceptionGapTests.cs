using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Tests.Pulses;

public class PerceptionGapTests
{
    private static readonly DateOnly On = new(2026, 11, 2);

    [Fact]
    public void The_gap_is_the_advisor_minus_the_client_per_factor_and_for_T()
    {
        var gap = new PerceptionGap(On, new TrustFactors(8, 8, 6, 2), new TrustFactors(6, 5, 7, 4));

        Factors.All.Select(f => gap[f]).ShouldBe([2, 3, -1, -2]);
        gap.AdvisorTrust.ShouldBe(11m);
        gap.ClientTrust.ShouldBe(4.5m);
        gap.TrustGap.ShouldBe(6.5m);
    }

    [Fact]
    public void Gaps_of_opposite_sign_say_which_way_each_factor_leans()
    {
        // The advisor rates credibility above the client but sees more self-orientation than the client does.
        var gap = new PerceptionGap(On, new TrustFactors(9, 5, 5, 6), new TrustFactors(6, 5, 5, 3));

        gap[Factor.Credibility].ShouldBe(3);
        gap.Leniency(Factor.Credibility).ShouldBe(3);
        gap[Factor.SelfOrientation].ShouldBe(3);
        gap.Leniency(Factor.SelfOrientation).ShouldBe(-3);
        gap.TrustGap.ShouldBeLessThan(0m);
        gap.IsBlindSpot.ShouldBeFalse();
    }

    [Fact]
    public void A_client_T_a_quarter_below_the_advisors_is_a_blind_spot()
    {
        // Advisor T 8.0; client T 6.0 is exactly 25% below.
        new PerceptionGap(On, new TrustFactors(8, 8, 8, 3), new TrustFactors(6, 6, 6, 3)).IsBlindSpot.ShouldBeTrue();
        // Client T 6.33: 21% below, not yet.
        new PerceptionGap(On, new TrustFactors(8, 8, 8, 3), new TrustFactors(7, 6, 6, 3)).IsBlindSpot.ShouldBeFalse();
    }

    [Fact]
    public void Identical_views_have_no_gap_and_no_blind_spot()
    {
        var factors = new TrustFactors(7, 7, 7, 3);
        var gap = new PerceptionGap(On, factors, factors);

        gap.TrustGap.ShouldBe(0m);
        gap.IsBlindSpot.ShouldBeFalse();
        gap.Describe(Factor.Intimacy, "Jane Doe").ShouldBe("You and Jane Doe both rated intimacy 7.");
    }

    [Fact]
    public void The_gap_reads_as_sentences_with_the_clients_name()
    {
        var gap = new PerceptionGap(On, new TrustFactors(7, 8, 6, 3), new TrustFactors(7, 5, 6, 6));

        gap.Describe(Factor.Reliability, "Jane Doe").ShouldBe("You rated reliability 8; Jane Doe rated it 5.");
        gap.Describe(Factor.SelfOrientation, "Jane Doe")
            .ShouldBe("You rated self-orientation 3; Jane Doe's answer puts it at 6 (\"puts my interests first\": 5 of 10).");
        gap.DescribeTrust("Jane Doe").ShouldBe("Your T was 7.0; Jane Doe's answers give 3.0, a gap of +4.0.");
    }
}
