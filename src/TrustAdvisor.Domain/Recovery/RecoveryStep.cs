namespace TrustAdvisor.Domain.Recovery;

/// <summary>One step of a recovery plan: what, whose (anyone in the team), by when, and when it was done.</summary>
public sealed class RecoveryStep
{
    public const int WhatMaxLength = 300;

    private RecoveryStep()
    {
        What = string.Empty;
    }

    internal RecoveryStep(Guid id, Guid planId, string what, Guid ownerId, DateOnly dueOn)
    {
        (Id, PlanId, What, OwnerId, DueOn) = (id, planId, what, ownerId, dueOn);
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public string What { get; private set; }
    public Guid OwnerId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? DoneOn { get; private set; }

    public bool IsOverdue(DateOnly today) => DoneOn is null && today > DueOn;

    internal void MarkDone(DateOnly doneOn) => DoneOn = doneOn;
}
