using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Admin.Teams;

/// <summary>Administrators rename a team, or remove one that nobody and nothing belongs to any more.</summary>
public sealed class EditModel(TrustAdvisorDbContext db, IValidator<TeamInput> validator, AuditTrail audit) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public string CurrentName { get; private set; } = string.Empty;

    /// <summary>People (active or not) and relationships (archived too) of the team: it can be removed only without any.</summary>
    public int People { get; private set; }

    public int Relationships { get; private set; }

    public bool IsEmpty => People == 0 && Relationships == 0;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Name = CurrentName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var name = Name?.Trim();
        if (await validator.ValidateIntoAsync(new TeamInput(Name), ModelState, string.Empty, cancellationToken)
            && await db.Teams.AnyAsync(t => t.Name == name && t.Id != id, cancellationToken))
        {
            ModelState.AddModelError(nameof(Name), "There is already a team with that name.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var team = await db.Teams.SingleAsync(t => t.Id == id, cancellationToken);
        if (team.Name != name)
        {
            audit.Add(AuditKind.TeamRenamed, id, $"{team.Name} → {name}");
            team.Rename(name!);
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData.Flash($"The team is called {name}.");
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // Checked in the statement too: someone placed in the team meanwhile keeps it.
        var removed = await db.Teams
            .Where(t => t.Id == id && !db.Users.Any(u => u.TeamId == id) && !db.Relationships.Any(r => r.TeamId == id))
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            ModelState.AddModelError(string.Empty, $"{CurrentName} still has people or relationships: move them to another team first.");
            Name = CurrentName;
            return Page();
        }

        await audit.RecordAsync(AuditKind.TeamRemoved, id, CurrentName);
        TempData.Flash($"Removed the team {CurrentName}.");
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var team = await db.Teams.Where(t => t.Id == id)
            .Select(t => new { t.Name, People = db.Users.Count(u => u.TeamId == id), Relationships = db.Relationships.Count(r => r.TeamId == id) })
            .SingleOrDefaultAsync(cancellationToken);
        if (team is null)
        {
            return false;
        }

        (CurrentName, People, Relationships) = (team.Name, team.People, team.Relationships);
        return true;
    }
}
