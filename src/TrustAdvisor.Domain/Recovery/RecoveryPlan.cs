using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Recovery;

/// <summary>
/// A plan to recover lost trust (docs/domain.md, "From a score to action"): the factor to recover, the problem as the
/// client would state it, steps with an owner and a due day, and a day to look again. Closing it, achieved or
/// abandoned, asks whether trust recovered; a closed plan stays as it was closed.
/// </summary>
public sealed class RecoveryPlan
{
    public const int ProblemMaxLength = 500;

    private readonly List<RecoveryStep> _steps = [];

    private RecoveryPlan()
    {
        Problem = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid RelationshipId { get; private set; }
    public Guid OpenedById { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    public Factor Factor { get; private set; }

    /// <summary>The problem in the client's words, not the advisor's view of the client.</summary>
    public string Problem { get; private set; }

    public DateOnly ReviewOn { get; private set; }
    public RecoveryPlanStatus Status { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public Guid? ClosedById { get; private set; }

    /// <summary>The answer to "did trust recover?", asked when the plan is closed.</summary>
    public bool? TrustRecovered { get; private set; }

    public IReadOnlyList<RecoveryStep> Steps => _steps;

    public bool IsActive => Status is RecoveryPlanStatus.Draft or RecoveryPlanStatus.Open;

    public static RecoveryPlan Open(
        Guid id, Guid relationshipId, Guid openedById, Factor factor, string? problem, DateOnly reviewOn, DateOnly today, bool asDraft = false)
    {
        if (reviewOn <= today)
        {
            throw new ArgumentException("The day to look again is after today.", nameof(reviewOn));
        }

        return new RecoveryPlan
        {
            Id = id,
            RelationshipId = relationshipId,
            OpenedById = openedById,
            OpenedOn = today,
            Factor = factor,
            Problem = Text.Required(problem, ProblemMaxLength, "The problem as the client would state it"),
            ReviewOn = reviewOn,
            Status = asDraft ? RecoveryPlanStatus.Draft : RecoveryPlanStatus.Open,
        };
    }

    /// <summary>A draft the owner confirms, in their own words if they change them.</summary>
    public void Confirm(string? problem)
    {
        if (Status != RecoveryPlanStatus.Draft)
        {
            throw new InvalidOperationException("Only a draft plan is confirmed.");
        }

        Problem = Text.Required(problem, ProblemMaxLength, "The problem as the client would state it");
        Status = RecoveryPlanStatus.Open;
    }

    public RecoveryStep AddStep(Guid id, string? what, Guid ownerId, DateOnly dueOn)
    {
        MustBeActive();
        if (dueOn < OpenedOn)
        {
            throw new ArgumentException("A step is due on or after the day the plan was opened.", nameof(dueOn));
        }

        var step = new RecoveryStep(id, Id, Text.Required(what, RecoveryStep.WhatMaxLength, "The step"), ownerId, dueOn);
        _steps.Add(step);
        return step;
    }

    public void MarkStepDone(Guid stepId, DateOnly doneOn, DateOnly today)
    {
        MustBeActive();
        var step = _steps.Find(s => s.Id == stepId) ?? throw new ArgumentException("No such step in this plan.", nameof(stepId));
        if (doneOn < OpenedOn || doneOn > today)
        {
            throw new ArgumentException("A step is done between the day the plan was opened and today.", nameof(doneOn));
        }

        if (step.DoneOn is not null)
        {
            throw new InvalidOperationException("This step is done already.");
        }

        step.MarkDone(doneOn);
    }

    public void Close(bool achieved, bool trustRecovered, Guid byId, DateOnly today)
    {
        MustBeActive();
        (Status, TrustRecovered, ClosedOn, ClosedById) = (achieved ? RecoveryPlanStatus.Achieved : RecoveryPlanStatus.Abandoned, trustRecovered, today, byId);
    }

    /// <summary>"2 of 5 steps done", for the dashboard's list of open plans.</summary>
    public string Progress() => $"{_steps.Count(s => s.DoneOn is not null)} of {_steps.Count} {(_steps.Count == 1 ? "step" : "steps")} done";

    private void MustBeActive()
    {
        if (!IsActive)
        {
            throw new InvalidOperationException("This plan is closed.");
        }
    }
}
