using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.DemoData;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Admin.Teams;

/// <summary>Administrators: remove the demo team, its people, relationships, assessments, client links and mail, in one step.</summary>
public sealed class RemoveDemoModel(TrustAdvisorDbContext db, DatabaseOptions database, AuditTrail audit) : PageModel
{
    public DemoContents Contents { get; private set; } = new(0, 0, 0, 0, 0);

    public string? Obstacle { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Contents = await DemoTeamRemoval.CountAsync(db, cancellationToken);
        Obstacle = Contents.IsEmpty ? null : await DemoTeamRemoval.ObstacleAsync(db, cancellationToken);
    }

    [ConfirmFirst]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (removed, obstacle) = await DemoTeamRemoval.RemoveAsync(db, cancellationToken);
        if (obstacle is not null)
        {
            Contents = await DemoTeamRemoval.CountAsync(db, cancellationToken);
            Obstacle = obstacle;
            return Page();
        }

        if (removed!.IsEmpty)
        {
            TempData.Flash("There is no demo data to remove.");
            return RedirectToPage("/Admin/Teams/Index");
        }

        await audit.RecordAsync(AuditKind.DemoRemoved, null, removed.ToString());
        TempData.Flash($"Removed the demo: {removed}."
            + (database.DemoData ? " Demo data is still switched on (Database:DemoData): an empty database gets the demo team again at the next start." : ""));
        return RedirectToPage("/Admin/Teams/Index");
    }
}
