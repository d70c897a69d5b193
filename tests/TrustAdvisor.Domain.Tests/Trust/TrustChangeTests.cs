using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Tests.Trust;

public class TrustChangeTests
{
    [Fact]
    public void A_rise_in_self_orientation_alone_is_the_whole_of_a_fall()
    {
        var change = TrustChange.Between(new TrustFactors(7, 8, 6, 3), new TrustFactors(7, 8, 6, 5));

        change.From.ShouldBe(7m);
        change.To.ShouldBe(4.2m);
        change.Driver!.Factor.ShouldBe(Factor.SelfOrientation);
        change.Driver.Contribution.ShouldBe(-2.8m, 0.0000001m);
        change.Describe().ShouldBe("T fell from 7.0 to 4.2, because self-orientation rose from 3 to 5.");
    }

    [Fact]
    public void Names_the_main_driver_when_several_factors_moved()
    {
        // C +1 and I +1 at S 4 → 5 add little; S 5 → 3 is most of the rise.
        var change = TrustChange.Between(new TrustFactors(6, 6, 4, 5), new TrustFactors(7, 6, 5, 3));

        change.Driver!.Factor.ShouldBe(Factor.SelfOrientation);
        change.Describe().ShouldBe("T rose from 3.2 to 6.0, mostly because self-orientation fell from 5 to 3.");
    }

    [Fact]
    public void Says_partly_when_the_driver_is_not_most_of_the_movement()
    {
        // Three numerator factors each rise by 1 at S = 2: equal shares, none is most of the movement.
        var change = TrustChange.Between(new TrustFactors(5, 5, 5, 2), new TrustFactors(6, 6, 6, 2));

        change.Describe().ShouldStartWith("T rose from 7.5 to 9.0, partly because");
    }

    [Fact]
    public void Contributions_always_add_up_to_the_change()
    {
        var random = new Random(20261122);
        for (var n = 0; n < 2000; n++)
        {
            var previous = RandomFactors(random);
            var current = RandomFactors(random);

            var change = TrustChange.Between(previous, current);

            change.Contributions.Sum(c => c.Contribution).ShouldBe(change.Delta, 0.000000000001m);
            if (change.Delta != 0)
            {
                Math.Sign(change.Driver!.Contribution).ShouldBe(Math.Sign(change.Delta));
            }
        }
    }

    [Fact]
    public void No_driver_when_T_did_not_move()
    {
        var change = TrustChange.Between(new TrustFactors(4, 4, 4, 2), new TrustFactors(6, 6, 6, 3));

        change.Delta.ShouldBe(0m);
        change.Driver.ShouldBeNull();
        change.Describe().ShouldBe("T held at 6.0: the factors moved but balanced out.");
    }

    [Fact]
    public void Describes_a_small_rise_and_an_unchanged_scoring()
    {
        var change = TrustChange.Between(new TrustFactors(10, 10, 9, 3), new TrustFactors(10, 10, 10, 3));

        change.Describe().ShouldBe("T rose from 9.7 to 10.0, because intimacy rose from 9 to 10.");
        TrustChange.Between(new TrustFactors(7, 7, 7, 3), new TrustFactors(7, 7, 7, 3)).Describe().ShouldBe("T held at 7.0.");
    }

    [Theory]
    [InlineData(5, 5, 5, 5, 6, 5, 5, 5, false)] // 3.0 → 3.2: a fifteenth
    [InlineData(5, 5, 5, 5, 8, 5, 5, 5, true)] // 3.0 → 3.6: exactly a fifth up
    [InlineData(8, 8, 8, 4, 8, 8, 8, 5, true)] // 6.0 → 4.8: exactly a fifth down
    [InlineData(8, 8, 8, 4, 8, 8, 7, 4, false)] // 6.0 → 5.75: under a fifth
    [InlineData(7, 7, 7, 3, 7, 7, 7, 3, false)]
    public void A_step_is_T_moving_by_a_fifth_or_more_either_way(int c1, int r1, int i1, int s1, int c2, int r2, int i2, int s2, bool step) =>
        TrustChange.Between(new TrustFactors(c1, r1, i1, s1), new TrustFactors(c2, r2, i2, s2)).IsStep.ShouldBe(step);

    private static TrustFactors RandomFactors(Random random) =>
        new(random.Next(1, 11), random.Next(1, 11), random.Next(1, 11), random.Next(1, 11));
}
