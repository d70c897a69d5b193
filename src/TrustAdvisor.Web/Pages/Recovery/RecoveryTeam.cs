using Microsoft.AspNetCore.Mvc.Rendering;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Recovery;

/// <summary>Who may own a step of a relationship's plan: the active people of its team.</summary>
public sealed record RecoveryTeam(IReadOnlyList<SelectListItem> Options, IReadOnlySet<Guid> Ids)
{
    public static async Task<RecoveryTeam> LoadAsync(TrustAdvisorDbContext db, Guid? teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var options = await db.Users.Where(u => u.TeamId == teamId && teamId != null && u.IsActive)
            .OrderBy(u => u.DisplayName)
            .Select(u => new OptionRow(u.DisplayName, u.Id))
            .ToOptionsAsync(cancellationToken);
        return new RecoveryTeam(options, options.Select(o => Guid.Parse(o.Value)).ToHashSet());
    }
}
