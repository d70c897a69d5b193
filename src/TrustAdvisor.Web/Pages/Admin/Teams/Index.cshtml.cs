using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Teams;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Admin.Teams;

/// <summary>Administrators: the teams, with how many people and relationships each has; add a team.</summary>
public sealed class IndexModel(TrustAdvisorDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>Chosen when the form is shown, so a double submit adds one team.</summary>
    [BindProperty]
    public Guid TeamId { get; set; }

    public IReadOnlyList<Row> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TeamId = time.NewId();
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = Name?.Trim();
        if (ModelState.RequireText(nameof(Name), Name, Team.NameMaxLength, "Enter the team's name.", "A team name", multiline: false)
            && await db.Teams.AnyAsync(t => t.Name == name && t.Id != TeamId, cancellationToken))
        {
            ModelState.AddModelError(nameof(Name), "There is already a team with that name.");
        }

        ModelState.RequireFormId(TeamId);

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (await db.Teams.AnyAsync(t => t.Id == TeamId, cancellationToken))
        {
            return RedirectToPage();
        }

        db.Teams.Add(new Team(TeamId, name!, time.UtcNow()));
        if (await db.TrySaveNewAsync(cancellationToken))
        {
            TempData["Flash"] = $"Added the team {name}.";
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Teams = await db.Teams.OrderBy(t => t.Name)
            .Select(t => new Row(
                t.Id, t.Name, t.IsDemo,
                db.Users.Count(u => u.TeamId == t.Id && u.IsActive),
                db.Relationships.Count(r => r.TeamId == t.Id && r.ArchivedAt == null)))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    public sealed record Row(Guid Id, string Name, bool IsDemo, int People, int Relationships);
}
