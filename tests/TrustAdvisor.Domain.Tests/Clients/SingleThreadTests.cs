using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Tests.Clients;

public class SingleThreadTests
{
    private static ThreadScore Scored(Guid contact, int c, int r, int i, int s) => new(Guid.NewGuid(), contact, new TrustFactors(c, r, i, s));

    private static ThreadScore Unscored(Guid contact) => new(Guid.NewGuid(), contact, null);

    [Fact]
    public void One_scored_contact_is_single_threaded()
    {
        var jo = Guid.NewGuid();

        var risk = SingleThread.Of([Scored(jo, 8, 8, 8, 3), Unscored(Guid.NewGuid())]).ShouldNotBeNull();

        risk.Reason.ShouldBe(SingleThreadReason.OnlyOneContact);
        risk.ContactId.ShouldBe(jo);
    }

    [Fact]
    public void Two_advisors_with_the_same_contact_are_still_one_thread()
    {
        var jo = Guid.NewGuid();

        SingleThread.Of([Scored(jo, 8, 8, 8, 3), Scored(jo, 4, 4, 4, 4)]).ShouldNotBeNull().Reason.ShouldBe(SingleThreadReason.OnlyOneContact);
    }

    [Fact]
    public void One_contact_far_above_the_rest_is_single_threaded()
    {
        var jo = Guid.NewGuid();

        // Jo 8.0 against the next strongest 4.0: twice as high.
        var risk = SingleThread.Of([Scored(jo, 8, 8, 8, 3), Scored(Guid.NewGuid(), 4, 4, 4, 3), Scored(Guid.NewGuid(), 3, 3, 3, 3)]).ShouldNotBeNull();

        risk.Reason.ShouldBe(SingleThreadReason.OneFarAhead);
        risk.ContactId.ShouldBe(jo);
        risk.NextStrongest.ShouldBe(4.0);
    }

    [Fact]
    public void Trust_spread_over_two_contacts_is_not_single_threaded()
    {
        // 8.0 against 6.0: a third higher, under the ratio of 1.5.
        SingleThread.Of([Scored(Guid.NewGuid(), 8, 8, 8, 3), Scored(Guid.NewGuid(), 6, 6, 6, 3)]).ShouldBeNull();
    }

    [Fact]
    public void The_ratio_itself_counts_as_far_ahead()
    {
        // 6.0 against 4.0: exactly 1.5 times.
        SingleThread.Of([Scored(Guid.NewGuid(), 6, 6, 6, 3), Scored(Guid.NewGuid(), 4, 4, 4, 3)]).ShouldNotBeNull();
    }

    [Fact]
    public void Nothing_scored_says_nothing() =>
        SingleThread.Of([Unscored(Guid.NewGuid()), Unscored(Guid.NewGuid())]).ShouldBeNull();
}
