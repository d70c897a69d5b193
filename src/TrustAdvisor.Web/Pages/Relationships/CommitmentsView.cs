using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>
/// A relationship's promises on its page: the open ones in the order they fall due, those settled in the evidence
/// period (who settled them, when), and reliability's evidence over that period.
/// </summary>
public sealed record CommitmentsView(IReadOnlyList<CommitmentsView.Row> Open, IReadOnlyList<CommitmentsView.Row> Settled, CommitmentEvidence Evidence)
{
    public static CommitmentsView Empty { get; } = new([], [], new CommitmentEvidence(0, 0));

    public static async Task<CommitmentsView> LoadAsync(TrustAdvisorDbContext db, Guid relationshipId, DateOnly today, CancellationToken cancellationToken)
    {
        var since = today.AddDays(-CommitmentEvidence.PeriodDays);
        var rows = await db.Commitments.AsNoTracking()
            .Where(c => c.RelationshipId == relationshipId && (c.Status == CommitmentStatus.Open || c.ClosedOn > since))
            .OrderBy(c => c.DueOn).ThenBy(c => c.CreatedAt)
            .Select(c => new Row(
                c.Id, c.Promise, c.MadeOn, c.DueOn, c.Status, c.ClosedOn, c.WithdrawnBecause,
                db.Users.Where(u => u.Id == c.ClosedById).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var evidence = CommitmentEvidence.Of(rows.Select(r => (r.Status, r.DueOn, r.ClosedOn)), today);
        return new CommitmentsView(
            [.. rows.Where(r => r.Status == CommitmentStatus.Open)],
            [.. rows.Where(r => r.Status != CommitmentStatus.Open).OrderByDescending(r => r.ClosedOn)],
            evidence);
    }

    public sealed record Row(
        Guid Id, string Promise, DateOnly MadeOn, DateOnly DueOn, CommitmentStatus Status, DateOnly? ClosedOn, string? WithdrawnBecause, string? ClosedBy)
    {
        public bool IsOverdue(DateOnly today) => Status == CommitmentStatus.Open && today > DueOn;
    }
}
