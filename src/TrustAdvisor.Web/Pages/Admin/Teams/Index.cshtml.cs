using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Teams;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Admin.Teams;

/// <summary>Administrators: the teams, with how many people and relationships each has; add a team.</summary>
public sealed class IndexModel(TrustAdvisorDbContext db, TimeProvider time, IValidator<TeamInput> validator) : PageModel
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
        if (await validator.ValidateIntoAsync(new TeamInput(Name), ModelState, string.Empty, cancellationToken)
            && await db.Teams.AnyAsync(t => t.Name == name && t.Id != TeamId, cancellationToken))
        {
            ModelState.AddModelError(nameof(Name), NameTaken);
        }

        ModelState.RequireFormId(TeamId);

        if (ModelState.IsValid)
        {
            db.Teams.Add(new Team(TeamId, name!, time.UtcNow()));
            switch (await db.SaveOnceAsync(ct => db.Teams.AnyAsync(t => t.Id == TeamId, ct), cancellationToken))
            {
                case SaveOutcome.Saved:
                    TempData.Flash($"Added the team {name}.");
                    return RedirectToPage();
                case SaveOutcome.AlreadySaved:
                    return RedirectToPage();
                default:
                    // Another administrator added a team of that name meanwhile.
                    ModelState.AddModelError(nameof(Name), NameTaken);
                    break;
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private const string NameTaken = "There is already a team with that name.";

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
