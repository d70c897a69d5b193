using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Tests.Clients;

public class OrganisationRollUpTests
{
    [Fact]
    public void Sums_up_with_the_median_the_weakest_relationship_and_the_weakest_factor()
    {
        // T: 7.0, 5.0 and 2.0 (7.0 is 1.4 times 5.0: spread, not single-threaded); intimacy is the weakest on average
        // (3.7, against reliability 5.3, credibility 6.3 and self-orientation 7.3 turned around).
        var weakest = new ThreadScore(Guid.NewGuid(), Guid.NewGuid(), new TrustFactors(4, 4, 2, 5));
        var rollUp = OrganisationRollUp.Of(
        [
            new(Guid.NewGuid(), Guid.NewGuid(), new TrustFactors(7, 7, 7, 3)),
            new(Guid.NewGuid(), Guid.NewGuid(), new TrustFactors(8, 5, 2, 3)),
            weakest,
            new(Guid.NewGuid(), Guid.NewGuid(), null),
        ]);

        rollUp.MedianTrust.ShouldBe(5.0);
        rollUp.Weakest.ShouldBe(weakest);
        rollUp.WeakestFactor.ShouldBe(Factor.Intimacy);
        rollUp.SingleThread.ShouldBeNull();
    }

    [Fact]
    public void An_organisation_nobody_scored_has_no_figures() =>
        OrganisationRollUp.Of([new(Guid.NewGuid(), Guid.NewGuid(), null)]).ShouldBe(new OrganisationRollUp(null, null, null, null));
}
