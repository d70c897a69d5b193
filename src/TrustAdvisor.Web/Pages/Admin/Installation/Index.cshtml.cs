using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrustAdvisor.Web.Pages.Admin.Installation;

/// <summary>Administrators: is this installation safe for real clients? Each point green or red, with how to fix it.</summary>
public sealed class IndexModel(InstallationChecks checks) : PageModel
{
    public IReadOnlyList<Check> Checks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Checks = await checks.RunAsync(Request, cancellationToken);
}
