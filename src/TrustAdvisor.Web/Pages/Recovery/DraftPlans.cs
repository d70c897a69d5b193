using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Recovery;

/// <summary>
/// When the firm turns it on (<see cref="RecoveryOptions.DraftOnSharpDrop"/>), a score that is a sharp drop from the
/// meeting before drafts a recovery plan for the factor that drove it, for the owner to confirm in the client's words.
/// Saved after the score, on its own: the score stands whatever happens to the draft.
/// </summary>
public static class DraftPlans
{
    /// <summary>The newest scored meeting before the one being saved (its date and factors), read before saving it.</summary>
    public sealed record Previous(DateOnly MeetingDate, TrustFactors Factors);

    public static async Task<Previous?> PreviousAsync(TrustAdvisorDbContext db, Guid relationshipId, CancellationToken cancellationToken) =>
        await db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == relationshipId)
            .Select(a => new Previous(a.MeetingDate, a.Factors))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Drafts a plan when the saved score is the newest and a sharp drop, and no plan is active; true when it did.</summary>
    public static async Task<bool> DraftIfDroppedAsync(
        TrustAdvisorDbContext db, Previous? previous, Assessment saved, Guid ownerId, int reviewAfterDays, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(saved);
        if (previous is null || saved.MeetingDate < previous.MeetingDate
            || TrustChange.Between(previous.Factors, saved.Factors) is not { IsSharpDrop: true, Driver: { } driver } change
            || await db.RecoveryPlans.AnyAsync(
                p => p.RelationshipId == saved.RelationshipId && (p.Status == RecoveryPlanStatus.Draft || p.Status == RecoveryPlanStatus.Open), cancellationToken))
        {
            return false;
        }

        var today = time.Today();
        var draft = RecoveryPlan.Open(
            time.NewId(), saved.RelationshipId, ownerId, driver.Factor,
            $"Drafted after T fell from {TrustEquation.Format(change.From)} to {TrustEquation.Format(change.To)} at the meeting of {Formatting.Display.Date(saved.MeetingDate)}: write the problem as the client would state it.",
            today.AddDays(reviewAfterDays), today, asDraft: true);
        db.RecoveryPlans.Add(draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (SaveOnce.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // a plan was opened meanwhile: that one stands
            return false;
        }
    }
}
