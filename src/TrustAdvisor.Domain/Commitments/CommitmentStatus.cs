namespace TrustAdvisor.Domain.Commitments;

/// <summary>Where a promise made in a meeting stands: open until it is kept (on time or late), broken or withdrawn.</summary>
public enum CommitmentStatus
{
    Open,
    KeptOnTime,
    KeptLate,
    Broken,
    Withdrawn,
}
