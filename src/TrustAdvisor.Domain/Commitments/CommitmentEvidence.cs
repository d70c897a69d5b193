namespace TrustAdvisor.Domain.Commitments;

/// <summary>
/// Reliability's evidence beside its score: of the commitments settled in the last <see cref="PeriodDays"/> days, how
/// many were kept on time. A commitment is settled when it was kept or broken, or, still open, when its due day passed
/// (it can no longer be kept on time); one withdrawn, or open and not yet due, counts neither way.
/// </summary>
public sealed record CommitmentEvidence(int Settled, int KeptOnTime)
{
    public const int PeriodDays = 90;

    public double? Share => Settled == 0 ? null : (double)KeptOnTime / Settled;

    public static CommitmentEvidence Of(IEnumerable<(CommitmentStatus Status, DateOnly DueOn, DateOnly? ClosedOn)> commitments, DateOnly today) =>
        Between(commitments, today.AddDays(-PeriodDays + 1), today, today);

    /// <summary>Of the commitments settled from <paramref name="first"/> to <paramref name="last"/> (both included, none after today), those kept on time.</summary>
    public static CommitmentEvidence Between(
        IEnumerable<(CommitmentStatus Status, DateOnly DueOn, DateOnly? ClosedOn)> commitments, DateOnly first, DateOnly last, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        var until = last < today ? last : today;
        int settled = 0, onTime = 0;
        foreach (var (status, dueOn, closedOn) in commitments)
        {
            DateOnly? settledOn = status switch
            {
                CommitmentStatus.Open when today > dueOn => dueOn,
                CommitmentStatus.KeptOnTime or CommitmentStatus.KeptLate or CommitmentStatus.Broken => closedOn,
                _ => null,
            };
            if (settledOn is { } on && on >= first && on <= until)
            {
                settled++;
                onTime += status == CommitmentStatus.KeptOnTime ? 1 : 0;
            }
        }

        return new CommitmentEvidence(settled, onTime);
    }

    /// <summary>"7 of 9 (78%)", for a table's cell; "none due" when none was settled.</summary>
    public string InShort() => Share is { } share ? $"{KeptOnTime} of {Settled} ({Math.Round(share * 100, MidpointRounding.AwayFromZero):0}%)" : "none due";

    /// <summary>"7 of 9 kept on time", or that none was due.</summary>
    public string Describe() => Settled == 0 ? $"no commitments due in the last {PeriodDays} days" : $"{KeptOnTime} of {Settled} kept on time";
}
