using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>A relationship's recovery plans as spans of time, for its page, history and chart; the active one, if any.</summary>
public sealed record PlanSpans(IReadOnlyList<PlanSpans.Span> All)
{
    public static PlanSpans None { get; } = new([]);

    public Span? Active => All.FirstOrDefault(p => p.Status is RecoveryPlanStatus.Draft or RecoveryPlanStatus.Open);

    /// <summary>The plan that was under way on <paramref name="day"/>, if any.</summary>
    public Span? During(DateOnly day) => All.FirstOrDefault(p => p.From <= day && (p.Until is null || day <= p.Until));

    public static async Task<PlanSpans> LoadAsync(TrustAdvisorDbContext db, Guid relationshipId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plans = await db.RecoveryPlans.AsNoTracking()
            .Where(p => p.RelationshipId == relationshipId)
            .OrderByDescending(p => p.OpenedOn)
            .Select(p => new Span(p.Id, p.Factor, p.OpenedOn, p.ClosedOn, p.Status, db.RecoverySteps.Count(s => s.PlanId == p.Id), db.RecoverySteps.Count(s => s.PlanId == p.Id && s.DoneOn != null)))
            .ToListAsync(cancellationToken);
        return new PlanSpans(plans);
    }

    public sealed record Span(Guid Id, Factor Factor, DateOnly From, DateOnly? Until, RecoveryPlanStatus Status, int Steps, int StepsDone)
    {
        public string Progress => $"{StepsDone} of {Steps} {(Steps == 1 ? "step" : "steps")} done";
    }
}
