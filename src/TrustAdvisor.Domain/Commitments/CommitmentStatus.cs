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

public static class CommitmentStatusNames
{
    /// <summary>"kept on time", "open": in a sentence.</summary>
    public static string Of(CommitmentStatus status) => status switch
    {
        CommitmentStatus.Open => "open",
        CommitmentStatus.KeptOnTime => "kept on time",
        CommitmentStatus.KeptLate => "kept late",
        CommitmentStatus.Broken => "broken",
        CommitmentStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown commitment status."),
    };
}
