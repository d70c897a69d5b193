using TrustAdvisor.Domain.Clients;

namespace TrustAdvisor.Domain.Commitments;

/// <summary>
/// A promise the advisor made to the client in a meeting, with the day it is due: reliability's evidence
/// (docs/domain.md, "From a score to action"). Open until it is marked kept (on time when on or before its due day),
/// broken, or withdrawn with a reason; once closed it stays as it was closed.
/// </summary>
public sealed class Commitment
{
    public const int PromiseMaxLength = 300;
    public const int ReasonMaxLength = 300;

    private Commitment()
    {
        Promise = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid RelationshipId { get; private set; }

    /// <summary>The assessment (its lineage) of the meeting it was made in, when it was noted while scoring.</summary>
    public Guid? AssessmentLineageId { get; private set; }

    public Guid MadeById { get; private set; }
    public string Promise { get; private set; }
    public DateOnly MadeOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public CommitmentStatus Status { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public Guid? ClosedById { get; private set; }
    public string? WithdrawnBecause { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public bool IsOpen => Status == CommitmentStatus.Open;

    public static Commitment Make(
        Guid id, Guid relationshipId, Guid? assessmentLineageId, Guid madeById, string? promise, DateOnly madeOn, DateOnly dueOn, DateTime nowUtc)
    {
        if (dueOn < madeOn)
        {
            throw new ArgumentException("A commitment is due on or after the meeting it was made in.", nameof(dueOn));
        }

        return new Commitment
        {
            Id = id,
            RelationshipId = relationshipId,
            AssessmentLineageId = assessmentLineageId,
            MadeById = madeById,
            Promise = Text.Required(promise, PromiseMaxLength, "The promise"),
            MadeOn = madeOn,
            DueOn = dueOn,
            Status = CommitmentStatus.Open,
            CreatedAt = nowUtc,
        };
    }

    /// <summary>Overdue: still open after its due day.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && today > DueOn;

    /// <summary>Kept on <paramref name="keptOn"/>: on time when that is on or before the due day.</summary>
    public void MarkKept(DateOnly keptOn, Guid byId, DateOnly today)
    {
        if (keptOn < MadeOn || keptOn > today)
        {
            throw new ArgumentException("A commitment is kept between the meeting it was made in and today.", nameof(keptOn));
        }

        Close(keptOn <= DueOn ? CommitmentStatus.KeptOnTime : CommitmentStatus.KeptLate, keptOn, byId);
    }

    public void MarkBroken(Guid byId, DateOnly today) => Close(CommitmentStatus.Broken, today, byId);

    /// <summary>No longer asked for (the client changed their mind, the work was cancelled): counts neither way.</summary>
    public void Withdraw(string? reason, Guid byId, DateOnly today)
    {
        var because = Text.Required(reason, ReasonMaxLength, "The reason");
        Close(CommitmentStatus.Withdrawn, today, byId);
        WithdrawnBecause = because;
    }

    private void Close(CommitmentStatus status, DateOnly on, Guid byId)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("This commitment is closed already.");
        }

        (Status, ClosedOn, ClosedById) = (status, on, byId);
    }
}
