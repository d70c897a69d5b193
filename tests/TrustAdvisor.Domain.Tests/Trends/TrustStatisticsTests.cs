using TrustAdvisor.Domain.Trends;

namespace TrustAdvisor.Domain.Tests.Trends;

public class TrustStatisticsTests
{
    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value() =>
        TrustStatistics.Median([9.0, 1.5, 4.0]).ShouldBe(4.0);

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_values() =>
        TrustStatistics.Median([30.0, 2.0, 3.0, 5.0]).ShouldBe(4.0);

    [Fact]
    public void There_is_no_median_of_nothing() =>
        TrustStatistics.Median([]).ShouldBeNull();

    [Fact]
    public void One_very_low_self_orientation_dominates_the_mean_of_T_but_not_the_median_or_T_of_means()
    {
        // Three relationships: (6+6+6)/6 = 3, (6+6+6)/6 = 3, (10+10+10)/1 = 30.
        double[] trust = [3, 3, 30];

        trust.Average().ShouldBe(12);
        TrustStatistics.Median(trust).ShouldBe(3);
        // Mean factors: C = R = I = 22/3, S = 13/3, so T of means = 22/13·3 = 66/13.
        TrustStatistics.TrustOfMeans(22.0 / 3, 22.0 / 3, 22.0 / 3, 13.0 / 3).ShouldBe(66.0 / 13, 1e-12);
    }

    [Fact]
    public void T_of_means_refuses_a_mean_self_orientation_outside_the_scale() =>
        Should.Throw<ArgumentOutOfRangeException>(() => TrustStatistics.TrustOfMeans(5, 5, 5, 0));
}
