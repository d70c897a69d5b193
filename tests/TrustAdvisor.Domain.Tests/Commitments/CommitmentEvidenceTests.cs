using TrustAdvisor.Domain.Commitments;

namespace TrustAdvisor.Domain.Tests.Commitments;

public class CommitmentEvidenceTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void Of_the_commitments_settled_in_the_last_90_days_those_kept_on_time()
    {
        var evidence = CommitmentEvidence.Of(
        [
            (CommitmentStatus.KeptOnTime, Today.AddDays(-10), Today.AddDays(-12)),
            (CommitmentStatus.KeptOnTime, Today.AddDays(5), Today.AddDays(-1)), // kept early: settled, on time
            (CommitmentStatus.KeptLate, Today.AddDays(-20), Today.AddDays(-15)),
            (CommitmentStatus.Broken, Today.AddDays(-30), Today.AddDays(-29)),
            (CommitmentStatus.Open, Today.AddDays(-3), null), // overdue: can no longer be kept on time
            (CommitmentStatus.Open, Today, null), // due today: not settled yet
            (CommitmentStatus.Withdrawn, Today.AddDays(-5), Today.AddDays(-6)),
            (CommitmentStatus.KeptOnTime, Today.AddDays(-95), Today.AddDays(-91)), // before the period
        ], Today);

        evidence.ShouldBe(new CommitmentEvidence(5, 2));
        evidence.Describe().ShouldBe("2 of 5 kept on time");
    }

    [Fact]
    public void Without_a_settled_commitment_there_is_no_share_and_it_says_so()
    {
        var none = CommitmentEvidence.Of([(CommitmentStatus.Open, Today.AddDays(3), null)], Today);

        none.Share.ShouldBeNull();
        none.Describe().ShouldBe("no commitments due in the last 90 days");
    }

    [Fact]
    public void Between_two_days_counts_what_was_settled_in_them_and_nothing_after_today()
    {
        var commitments = new (CommitmentStatus, DateOnly, DateOnly?)[]
        {
            (CommitmentStatus.KeptOnTime, Today.AddDays(-40), Today.AddDays(-41)),
            (CommitmentStatus.Broken, Today.AddDays(-70), Today.AddDays(-60)), // before the first day
            (CommitmentStatus.KeptLate, Today.AddDays(-35), Today.AddDays(-30)), // the first day itself
            (CommitmentStatus.Open, Today.AddDays(-1), null),
        };

        var evidence = CommitmentEvidence.Between(commitments, Today.AddDays(-30), Today.AddDays(10), Today);

        evidence.ShouldBe(new CommitmentEvidence(2, 0));
        CommitmentEvidence.Between(commitments, Today.AddDays(-45), Today.AddDays(-31), Today).InShort().ShouldBe("1 of 1 (100%)");
        CommitmentEvidence.Between([], Today, Today, Today).InShort().ShouldBe("none due");
    }
}
