using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Tests.Trust;

public class TrustEquationTests
{
    [Theory]
    [InlineData(1, 1, 1, 10, "0.3")]
    [InlineData(10, 10, 10, 1, "30")]
    [InlineData(7, 8, 6, 3, "7")]
    [InlineData(5, 5, 5, 5, "3")]
    public void Computes_T_at_the_edges(int c, int r, int i, int s, string expected)
    {
        TrustEquation.Exact(new TrustFactors(c, r, i, s)).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Stores_two_decimals_rounded_half_away_from_zero()
    {
        TrustEquation.Stored(new TrustFactors(7, 8, 7, 3)).ShouldBe(7.33); // 22/3 = 7.333…
        TrustEquation.Stored(new TrustFactors(10, 10, 9, 6)).ShouldBe(4.83); // 29/6 = 4.8333…
        TrustEquation.Stored(new TrustFactors(1, 1, 3, 8)).ShouldBe(0.63); // 5/8 = 0.625
        TrustEquation.Stored(new TrustFactors(10, 10, 10, 7)).ShouldBe(4.29); // 30/7 = 4.2857…
    }

    [Fact]
    public void Showing_the_stored_value_never_differs_from_showing_the_exact_ratio()
    {
        var range = Enumerable.Range(TrustFactors.Min, TrustFactors.Max);
        var combinations = 0;
        foreach (var c in range)
        {
            foreach (var r in range)
            {
                foreach (var i in range)
                {
                    foreach (var s in range)
                    {
                        var factors = new TrustFactors(c, r, i, s);
                        TrustEquation.Format(TrustEquation.Stored(factors)).ShouldBe(TrustEquation.Format(TrustEquation.Exact(factors)));
                        combinations++;
                    }
                }
            }
        }

        combinations.ShouldBe(10_000);
    }

    [Theory]
    [InlineData(0.3, "0.3")]
    [InlineData(30, "30.0")]
    [InlineData(7.25, "7.3")]
    [InlineData(4.83, "4.8")]
    public void Formats_with_one_decimal(double stored, string expected) =>
        TrustEquation.Format(stored).ShouldBe(expected);

    [Theory]
    [InlineData("1.46", "+1.5")]
    [InlineData("-0.34", "-0.3")]
    [InlineData("0.01", "0.0")]
    public void Formats_a_change_with_its_sign(string delta, string expected) =>
        TrustEquation.FormatDelta(decimal.Parse(delta, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
}
