using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Infrastructure.Reporting;

namespace TrustAdvisor.Web.Pages.TeamDashboard;

/// <summary>What the team is doing about trust: its recovery plans and its promises to clients, for the page and the CSV downloads.</summary>
public static class TeamActions
{
    public sealed record PlanRow(
        Guid Id, Guid RelationshipId, string Client, string Contact, string? Owner, Factor Factor, string Problem, DateOnly OpenedOn, DateOnly ReviewOn,
        RecoveryPlanStatus Status, DateOnly? ClosedOn, bool? TrustRecovered, int Steps, int StepsDone, int StepsOverdue)
    {
        public string Progress => $"{StepsDone} of {Steps} {(Steps == 1 ? "step" : "steps")} done";
    }

    public sealed record CommitmentRow(
        string Client, string Contact, string? MadeBy, string Promise, DateOnly MadeOn, DateOnly DueOn, CommitmentStatus Status, DateOnly? ClosedOn, string? ClosedBy, string? WithdrawnBecause);

    /// <summary>The team's plans that are a draft or open (<paramref name="activeOnly"/>), or every plan that overlapped the period.</summary>
    public static async Task<IReadOnlyList<PlanRow>> PlansAsync(TrustAdvisorDbContext db, TeamScope scope, bool activeOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var today = scope.Today;
        return await db.RecoveryPlans.AsNoTracking()
            .Where(p => db.Relationships.Any(r => r.Id == p.RelationshipId && r.TeamId == scope.TeamId && (scope.AdvisorId == null || r.OwnerId == scope.AdvisorId)))
            .Where(p => activeOnly
                ? p.Status == RecoveryPlanStatus.Draft || p.Status == RecoveryPlanStatus.Open
                : p.OpenedOn <= scope.To && (p.ClosedOn == null || p.ClosedOn >= scope.From))
            .OrderBy(p => p.ReviewOn)
            .Select(p => new PlanRow(
                p.Id,
                p.RelationshipId,
                db.Relationships.Where(r => r.Id == p.RelationshipId).Select(r => r.Contact.Organisation.Name).First(),
                db.Relationships.Where(r => r.Id == p.RelationshipId).Select(r => r.Contact.Name).First(),
                db.Relationships.Where(r => r.Id == p.RelationshipId).SelectMany(r => db.Users.Where(u => u.Id == r.OwnerId)).Select(u => u.DisplayName).FirstOrDefault(),
                p.Factor, p.Problem, p.OpenedOn, p.ReviewOn, p.Status, p.ClosedOn, p.TrustRecovered,
                db.RecoverySteps.Count(s => s.PlanId == p.Id),
                db.RecoverySteps.Count(s => s.PlanId == p.Id && s.DoneOn != null),
                db.RecoverySteps.Count(s => s.PlanId == p.Id && s.DoneOn == null && s.DueOn < today)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The promises made to the team's clients that were made or fell due in the period.</summary>
    public static async Task<IReadOnlyList<CommitmentRow>> CommitmentsAsync(TrustAdvisorDbContext db, TeamScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        return await db.Commitments.AsNoTracking()
            .Where(c => db.Relationships.Any(r => r.Id == c.RelationshipId && r.TeamId == scope.TeamId && (scope.AdvisorId == null || r.OwnerId == scope.AdvisorId)))
            .Where(c => (c.MadeOn >= scope.From && c.MadeOn <= scope.To) || (c.DueOn >= scope.From && c.DueOn <= scope.To))
            .OrderBy(c => c.DueOn).ThenBy(c => c.CreatedAt)
            .Select(c => new CommitmentRow(
                db.Relationships.Where(r => r.Id == c.RelationshipId).Select(r => r.Contact.Organisation.Name).First(),
                db.Relationships.Where(r => r.Id == c.RelationshipId).Select(r => r.Contact.Name).First(),
                db.Users.Where(u => u.Id == c.MadeById).Select(u => u.DisplayName).FirstOrDefault(),
                c.Promise, c.MadeOn, c.DueOn, c.Status, c.ClosedOn,
                db.Users.Where(u => u.Id == c.ClosedById).Select(u => u.DisplayName).FirstOrDefault(),
                c.WithdrawnBecause))
            .ToListAsync(cancellationToken);
    }
}
