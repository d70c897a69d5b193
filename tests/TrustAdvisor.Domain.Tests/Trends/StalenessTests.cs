using TrustAdvisor.Domain.Trends;

namespace TrustAdvisor.Domain.Tests.Trends;

public class StalenessTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Fact]
    public void A_review_is_overdue_the_day_after_its_date_when_no_meeting_was_scored_on_or_after_it()
    {
        Staleness.IsReviewOverdue(Today, null, Today).ShouldBeFalse();
        Staleness.IsReviewOverdue(Today.AddDays(-1), null, Today).ShouldBeTrue();
        Staleness.IsReviewOverdue(Today.AddDays(-1), Today.AddDays(-2), Today).ShouldBeTrue();
        Staleness.IsReviewOverdue(Today.AddDays(-1), Today.AddDays(-1), Today).ShouldBeFalse();
    }

    [Fact]
    public void Not_scored_lately_means_never_or_before_the_window_of_days()
    {
        Staleness.IsNotScoredLately(null, Today, 60).ShouldBeTrue();
        Staleness.IsNotScoredLately(Today.AddDays(-60), Today, 60).ShouldBeFalse();
        Staleness.IsNotScoredLately(Today.AddDays(-61), Today, 60).ShouldBeTrue();
    }

    [Fact]
    public void Stale_is_either_rule()
    {
        Staleness.IsStale(Today.AddDays(30), Today.AddDays(-61), Today, 60).ShouldBeTrue();
        Staleness.IsStale(Today.AddDays(-1), Today.AddDays(-5), Today, 60).ShouldBeTrue();
        Staleness.IsStale(Today.AddDays(30), Today.AddDays(-5), Today, 60).ShouldBeFalse();
    }
}
