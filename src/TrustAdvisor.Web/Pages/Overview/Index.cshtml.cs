using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Overview;

/// <summary>
/// The home page: the relationships the viewer sees, those that need attention first, with the reasons in words.
/// </summary>
public sealed class IndexModel(TrustAdvisorDbContext db, IMemoryCache cache, TimeProvider time, IOptions<PulseOptions> pulses) : PageModel
{
    public IReadOnlyList<AttentionList.Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool ShowsOwners { get; private set; }

    public int NeedingAttention => Rows.Count(r => r.Alerts.Count > 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = time.Today();
        var list = await AttentionList.LoadAsync(db, cache, Today, pulses.Value.ClientViewDueMonths, cancellationToken);
        Rows = list.Rows;
        ShowsOwners = list.ShowsOwners;
    }
}
