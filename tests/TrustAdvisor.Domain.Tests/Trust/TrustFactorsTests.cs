using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Tests.Trust;

public class TrustFactorsTests
{
    [Theory]
    [InlineData(0, 5, 5, 5, "Credibility")]
    [InlineData(5, 11, 5, 5, "Reliability")]
    [InlineData(5, 5, -1, 5, "Intimacy")]
    [InlineData(5, 5, 5, 0, "Self-orientation")]
    [InlineData(5, 5, 5, 11, "Self-orientation")]
    public void Refuses_a_factor_outside_1_to_10(int c, int r, int i, int s, string factor)
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => new TrustFactors(c, r, i, s));
        error.Message.ShouldContain($"{factor} must be a whole number from 1 to 10");
    }

    [Fact]
    public void A_default_value_is_not_a_scoring()
    {
        // default(TrustFactors) bypasses the constructor; S = 0 then makes T undefined, so the equation refuses it.
        Should.Throw<DivideByZeroException>(() => TrustEquation.Exact(default));
    }

    [Fact]
    public void Indexes_by_factor()
    {
        var factors = new TrustFactors(2, 3, 4, 5);
        factors[Factor.Credibility].ShouldBe(2);
        factors[Factor.Reliability].ShouldBe(3);
        factors[Factor.Intimacy].ShouldBe(4);
        factors[Factor.SelfOrientation].ShouldBe(5);
        factors.Numerator.ShouldBe(9);
    }
}
