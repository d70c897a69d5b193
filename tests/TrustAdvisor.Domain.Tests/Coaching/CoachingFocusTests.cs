using TrustAdvisor.Domain.Coaching;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Tests.Coaching;

public class CoachingFocusTests
{
    private static readonly DateOnly On = new(2026, 12, 1);

    private static string Told(CoachingTopic topic) => $"{topic.Factor}: {string.Join(", ", topic.Reasons)}";

    [Fact]
    public void The_factor_that_drove_the_drop_comes_first_then_the_largest_gap_then_the_weakest()
    {
        var before = new TrustFactors(7, 8, 6, 3);
        var now = new TrustFactors(7, 4, 6, 3); // reliability fell; intimacy is weakest after it only
        var gap = new PerceptionGap(On, now, new TrustFactors(4, 4, 6, 3)); // the advisor is lenient on credibility

        var topics = CoachingFocus.For(now, TrustChange.Between(before, now), gap);

        topics.Select(Told).ShouldBe(["Reliability: DroveTheDrop, Weakest", "Credibility: LargestGap"]);
        topics[0].Practices.ShouldContain(p => p.Contains("promise", StringComparison.Ordinal));
        topics[0].Why().ShouldBe("it drove the last drop and it is the weakest now");
        topics[1].Why().ShouldBe("the client rated it furthest below you");
    }

    [Fact]
    public void A_rise_is_no_drop_and_a_client_who_rates_higher_is_no_gap()
    {
        var before = new TrustFactors(5, 5, 5, 5);
        var now = new TrustFactors(6, 6, 6, 5);
        var humbler = new PerceptionGap(On, now, new TrustFactors(8, 8, 8, 2));

        CoachingFocus.For(now, TrustChange.Between(before, now), humbler).Select(Told)
            .ShouldBe(["SelfOrientation: Weakest"], "self-orientation 5 is as weak as the others' 6, and comes first on a tie");
        CoachingFocus.For(null, null, null).ShouldBeEmpty("nothing scored yet");
    }

    [Fact]
    public void Every_factor_has_practices_and_every_risk_words()
    {
        Factors.All.ShouldAllBe(f => Practices.For(f).Count >= 3);
        ConstructiveRisks.All.Select(ConstructiveRisks.Describe).ShouldBeUnique();
    }
}
