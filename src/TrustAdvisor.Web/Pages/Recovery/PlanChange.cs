using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Recovery;

/// <summary>One change of a plan, from the audit log: who did what, when. The plan's own record of its history.</summary>
public sealed record PlanChange(DateTime At, string What, string? Who, string? Detail)
{
    public static async Task<IReadOnlyList<PlanChange>> OfAsync(TrustAdvisorDbContext db, Guid planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectId == planId)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.At, e.Kind, Who = db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault(), e.Detail })
            .ToListAsync(cancellationToken);
        return [.. events.Select(e => new PlanChange(e.At, Admin.Audit.IndexModel.Describe(e.Kind), e.Who, e.Detail))];
    }
}
