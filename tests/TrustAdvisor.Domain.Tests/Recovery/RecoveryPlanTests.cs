using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Tests.Recovery;

public class RecoveryPlanTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly Guid Owner = Guid.NewGuid();

    private static RecoveryPlan Opened(bool asDraft = false) =>
        RecoveryPlan.Open(Guid.NewGuid(), Guid.NewGuid(), Owner, Factor.Reliability, "  You missed two deadlines on the audit  ", Today.AddDays(30), Today, asDraft);

    [Fact]
    public void A_plan_starts_from_the_problem_as_the_client_would_state_it_and_a_day_to_look_again()
    {
        var plan = Opened();

        (plan.Problem, plan.Status, plan.Factor, plan.OpenedOn).ShouldBe(("You missed two deadlines on the audit", RecoveryPlanStatus.Open, Factor.Reliability, Today));
        Should.Throw<ArgumentException>(() => RecoveryPlan.Open(Guid.NewGuid(), Guid.NewGuid(), Owner, Factor.Intimacy, " ", Today.AddDays(30), Today))
            .Message.ShouldStartWith("The problem as the client would state it is required");
        Should.Throw<ArgumentException>(() => RecoveryPlan.Open(Guid.NewGuid(), Guid.NewGuid(), Owner, Factor.Intimacy, "They feel unheard", Today, Today))
            .Message.ShouldStartWith("The day to look again is after today");
    }

    [Fact]
    public void Steps_have_an_owner_and_a_due_day_and_are_done_once()
    {
        var plan = Opened();
        var colleague = Guid.NewGuid();
        var call = plan.AddStep(Guid.NewGuid(), "Call the CFO to name the missed deadlines", Owner, Today.AddDays(2));
        plan.AddStep(Guid.NewGuid(), "Agree a delivery calendar together", colleague, Today.AddDays(10));

        plan.MarkStepDone(call.Id, Today, Today);

        plan.Progress().ShouldBe("1 of 2 steps done");
        Should.Throw<InvalidOperationException>(() => plan.MarkStepDone(call.Id, Today, Today));
        Should.Throw<ArgumentException>(() => plan.AddStep(Guid.NewGuid(), "Too early", Owner, Today.AddDays(-1))).Message.ShouldStartWith("A step is due on or after");
        Should.Throw<ArgumentException>(() => plan.AddStep(Guid.NewGuid(), "", Owner, Today)).Message.ShouldStartWith("The step is required");
        plan.Steps[1].IsOverdue(Today.AddDays(11)).ShouldBeTrue();
        call.IsOverdue(Today.AddDays(11)).ShouldBeFalse("done");
    }

    [Fact]
    public void Closing_asks_whether_trust_recovered_and_a_closed_plan_stays_as_it_was()
    {
        var plan = Opened();
        plan.Close(achieved: true, trustRecovered: true, Owner, Today.AddDays(30));

        (plan.Status, plan.TrustRecovered, plan.ClosedOn, plan.IsActive).ShouldBe((RecoveryPlanStatus.Achieved, (bool?)true, (DateOnly?)Today.AddDays(30), false));
        Should.Throw<InvalidOperationException>(() => plan.AddStep(Guid.NewGuid(), "Late step", Owner, Today.AddDays(31)));
        Should.Throw<InvalidOperationException>(() => plan.Close(achieved: false, trustRecovered: false, Owner, Today.AddDays(31)));
    }

    [Fact]
    public void A_draft_opened_by_itself_is_confirmed_by_the_owner()
    {
        var draft = Opened(asDraft: true);
        draft.IsActive.ShouldBeTrue("a draft counts as the relationship's one plan");

        draft.Confirm("We did not warn them the audit would slip");

        (draft.Status, draft.Problem).ShouldBe((RecoveryPlanStatus.Open, "We did not warn them the audit would slip"));
        Should.Throw<InvalidOperationException>(() => draft.Confirm("again"));
    }
}
