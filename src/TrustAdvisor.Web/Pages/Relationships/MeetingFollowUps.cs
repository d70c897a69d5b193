using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Coaching;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>What was noted with each scored meeting of a history page, by the assessment's lineage: the constructive risks taken and the promises made (and how they stand).</summary>
public sealed class MeetingFollowUps
{
    private readonly ILookup<Guid, ConstructiveRisk> _risks;
    private readonly ILookup<Guid, (string Promise, CommitmentStatus Status)> _promises;

    private MeetingFollowUps(ILookup<Guid, ConstructiveRisk> risks, ILookup<Guid, (string, CommitmentStatus)> promises) =>
        (_risks, _promises) = (risks, promises);

    public static MeetingFollowUps None { get; } = new(
        Array.Empty<ConstructiveRisk>().ToLookup(_ => Guid.Empty), Array.Empty<(string, CommitmentStatus)>().ToLookup(_ => Guid.Empty));

    public IEnumerable<ConstructiveRisk> RisksOf(Guid lineageId) => _risks[lineageId];

    public IEnumerable<(string Promise, CommitmentStatus Status)> PromisesOf(Guid lineageId) => _promises[lineageId];

    public static async Task<MeetingFollowUps> LoadAsync(TrustAdvisorDbContext db, Guid relationshipId, IReadOnlyCollection<Guid> lineageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (lineageIds.Count == 0)
        {
            return None;
        }

        var risks = await db.RisksTaken.AsNoTracking()
            .Where(r => r.RelationshipId == relationshipId && lineageIds.Contains(r.AssessmentLineageId))
            .Select(r => new { r.AssessmentLineageId, r.Risk })
            .ToListAsync(cancellationToken);
        var promises = await db.Commitments.AsNoTracking()
            .Where(c => c.RelationshipId == relationshipId && c.AssessmentLineageId != null && lineageIds.Contains(c.AssessmentLineageId.Value))
            .OrderBy(c => c.DueOn)
            .Select(c => new { LineageId = c.AssessmentLineageId!.Value, c.Promise, c.Status })
            .ToListAsync(cancellationToken);
        return new MeetingFollowUps(
            risks.OrderBy(r => r.Risk).ToLookup(r => r.AssessmentLineageId, r => r.Risk),
            promises.ToLookup(p => p.LineageId, p => (p.Promise, p.Status)));
    }
}
