using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Admin.Contacts;

/// <summary>Finding a client's contact by name or email address, to answer their request for their data or to be forgotten.</summary>
public sealed class IndexModel(TrustAdvisorDbContext db) : PageModel
{
    public const int Shown = 50;
    public const int QueryMaxLength = 254;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Found> Contacts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = Q?.Trim();
        if (string.IsNullOrEmpty(query))
        {
            return;
        }

        if (query.Length > QueryMaxLength)
        {
            ModelState.AddModelError(nameof(Q), $"Search with at most {QueryMaxLength} characters.");
            return;
        }

        var pattern = query.ToLowerInvariant();
        Contacts = await db.Contacts
#pragma warning disable CA1304, CA1311, CA1862 // translated to the database's lower(): .NET's culture rules do not reach it
            .Where(c => c.Name.ToLower().Contains(pattern) || (c.Email != null && c.Email.ToLower().Contains(pattern)))
#pragma warning restore CA1304, CA1311, CA1862
            .OrderBy(c => c.Name).ThenBy(c => c.Organisation.Name)
            .Take(Shown)
            .Select(c => new Found(c.Id, c.Name, c.Role, c.Email, c.Organisation.Name, db.Relationships.Count(r => r.ContactId == c.Id), c.ErasedAt != null))
            .ToListAsync(cancellationToken);
    }

    public sealed record Found(Guid Id, string Name, string? Role, string? Email, string Organisation, int Relationships, bool Erased);
}
