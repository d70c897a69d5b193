using TrustAdvisor.Domain.Commitments;

namespace TrustAdvisor.Domain.Tests.Commitments;

public class CommitmentTests
{
    private static readonly DateOnly Met = new(2026, 11, 16);
    private static readonly Guid Advisor = Guid.NewGuid();

    private static Commitment Made(string promise = "Send the draft contract", int dueInDays = 4) =>
        Commitment.Make(Guid.NewGuid(), Guid.NewGuid(), null, Advisor, promise, Met, Met.AddDays(dueInDays), new DateTime(2026, 11, 16, 12, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void A_commitment_is_a_promise_due_on_or_after_its_meeting()
    {
        var made = Made("  Send the draft contract by Friday  ");

        (made.Promise, made.Status, made.IsOpen).ShouldBe(("Send the draft contract by Friday", CommitmentStatus.Open, true));
        Should.Throw<ArgumentException>(() => Made(dueInDays: -1)).Message.ShouldStartWith("A commitment is due on or after the meeting");
        Should.Throw<ArgumentException>(() => Made("   ")).Message.ShouldStartWith("The promise is required");
        Should.Throw<ArgumentException>(() => Made(new string('x', Commitment.PromiseMaxLength + 1))).Message.ShouldContain("longer than 300");
        Made(dueInDays: 0).DueOn.ShouldBe(Met, "due the same day");
    }

    [Fact]
    public void Kept_on_or_before_its_due_day_is_on_time_and_after_it_late()
    {
        var onTime = Made();
        onTime.MarkKept(Met.AddDays(4), Advisor, Met.AddDays(5));
        var late = Made();
        late.MarkKept(Met.AddDays(5), Advisor, Met.AddDays(5));

        (onTime.Status, onTime.ClosedOn).ShouldBe((CommitmentStatus.KeptOnTime, Met.AddDays(4)));
        late.Status.ShouldBe(CommitmentStatus.KeptLate);
        Should.Throw<ArgumentException>(() => Made().MarkKept(Met.AddDays(-1), Advisor, Met.AddDays(5)), "before the meeting");
        Should.Throw<ArgumentException>(() => Made().MarkKept(Met.AddDays(6), Advisor, Met.AddDays(5)), "in the future");
    }

    [Fact]
    public void A_closed_commitment_stays_as_it_was_closed()
    {
        var broken = Made();
        broken.MarkBroken(Advisor, Met.AddDays(6));

        broken.Status.ShouldBe(CommitmentStatus.Broken);
        Should.Throw<InvalidOperationException>(() => broken.MarkKept(Met.AddDays(6), Advisor, Met.AddDays(6)));
        Should.Throw<InvalidOperationException>(() => broken.Withdraw("Changed their mind", Advisor, Met.AddDays(6)));
    }

    [Fact]
    public void Withdrawing_needs_a_reason()
    {
        var withdrawn = Made();
        Should.Throw<ArgumentException>(() => withdrawn.Withdraw(" ", Advisor, Met.AddDays(1))).Message.ShouldStartWith("The reason is required");
        withdrawn.IsOpen.ShouldBeTrue("refused: nothing changed");

        withdrawn.Withdraw("The client cancelled the project", Advisor, Met.AddDays(1));

        (withdrawn.Status, withdrawn.WithdrawnBecause).ShouldBe((CommitmentStatus.Withdrawn, "The client cancelled the project"));
    }

    [Fact]
    public void Overdue_is_open_after_the_due_day()
    {
        var open = Made(dueInDays: 4);

        open.IsOverdue(Met.AddDays(4)).ShouldBeFalse("due today");
        open.IsOverdue(Met.AddDays(5)).ShouldBeTrue();
        open.MarkKept(Met.AddDays(5), Advisor, Met.AddDays(5));
        open.IsOverdue(Met.AddDays(6)).ShouldBeFalse("kept, if late");
    }
}
