using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Overview;

/// <summary>
/// The home page: the relationships the viewer sees, those that need attention first, with the reasons in words.
/// Someone who sees more than one team (a manager of several, an administrator) may look at one of them.
/// </summary>
public sealed class IndexModel(TrustAdvisorDbContext db, IMemoryCache cache, TimeProvider time, IOptions<PulseOptions> pulses, IViewerAccessor viewer)
    : PageModel
{
    public IReadOnlyList<AttentionList.Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool ShowsOwners { get; private set; }

    /// <summary>The teams the viewer may narrow the list to; empty unless there are two or more.</summary>
    public IReadOnlyList<TeamChoice> Teams { get; private set; } = [];

    public TeamChoice? CurrentTeam { get; private set; }

    public int NeedingAttention => Rows.Count(r => r.Alerts.Count > 0);

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? team, CancellationToken cancellationToken)
    {
        var me = viewer.Current;
        if (me.SeesAll || me.ManagedTeamIds.Count > 1)
        {
            var managed = me.ManagedTeamIds;
            var teams = await db.Teams.Where(t => me.SeesAll || managed.Contains(t.Id))
                .OrderBy(t => t.Name).Select(t => new TeamChoice(t.Id, t.Name)).ToListAsync(cancellationToken);
            Teams = teams.Count > 1 ? teams : [];
        }

        if (team is { } asked && (CurrentTeam = Teams.FirstOrDefault(t => t.Id == asked)) is null)
        {
            return NotFound();
        }

        Today = time.Today();
        var list = await AttentionList.LoadAsync(
            db, cache, Today, new AttentionList.ClientViewDue(pulses.Value.ClientViewDueMonths, pulses.Value.FirstClientViewDays), CurrentTeam?.Id, cancellationToken);
        Rows = list.Rows;
        ShowsOwners = list.ShowsOwners;
        return Page();
    }

    public sealed record TeamChoice(Guid Id, string Name);
}
