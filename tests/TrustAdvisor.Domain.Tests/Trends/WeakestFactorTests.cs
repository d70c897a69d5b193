using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Tests.Trends;

public class WeakestFactorTests
{
    [Theory]
    [InlineData(8, 7, 3, 2, Factor.Intimacy)]
    [InlineData(8, 7, 6, 8, Factor.SelfOrientation)] // S 8 is as weak as a 3 above the line
    [InlineData(2, 7, 6, 3, Factor.Credibility)]
    [InlineData(5, 5, 5, 6, Factor.SelfOrientation)] // a tie: self-orientation first
    [InlineData(5, 4, 4, 2, Factor.Intimacy)] // a tie above the line: intimacy before reliability
    public void The_weakest_factor_is_the_furthest_from_its_best(int c, int r, int i, int s, Factor expected) =>
        WeakestFactor.Of(new TrustFactors(c, r, i, s)).ShouldBe(expected);
}
