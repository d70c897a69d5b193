using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Admin.People;

/// <summary>
/// Administrators change a person's role and team, and for a manager the other teams they look after. Their sessions carry on with the new ones from their next request
/// (SessionCheck). Their relationships of the old team go with them, or to someone of the old team in the same step,
/// each hand-off recorded as any other.
/// </summary>
public sealed class EditModel(TrustAdvisorDbContext db, UserManager<AppUser> users, TimeProvider time, AuditTrail audit) : PageModel
{
    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public Guid? TeamId { get; set; }

    /// <summary>For a manager: the teams they look after besides their own.</summary>
    [BindProperty]
    public List<Guid> OtherTeams { get; set; } = [];

    /// <summary>Who takes over the person's relationships of their old team; none: they keep them.</summary>
    [BindProperty]
    public Guid? HandTo { get; set; }

    public string DisplayName { get; private set; } = string.Empty;

    public string? CurrentTeam { get; private set; }

    public int Relationships { get; private set; }

    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Colleagues { get; private set; } = [];

    private List<Guid> CurrentOtherTeams { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Role = person.Role.ToString();
        TeamId = person.TeamId;
        OtherTeams = CurrentOtherTeams;
        return Page();
    }

    [ConfirmFirst]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        if (!Enum.TryParse<UserRole>(Role, ignoreCase: false, out var role) || !Enum.IsDefined(role))
        {
            ModelState.AddModelError(nameof(Role), "Choose a role: Advisor, Manager or Administrator.");
        }
        else if (role != person.Role && person.Id.ToString() == users.GetUserId(User))
        {
            ModelState.AddModelError(nameof(Role), "You cannot change your own role: another administrator can.");
        }

        if (TeamId is null && role is UserRole.Advisor or UserRole.Manager)
        {
            ModelState.AddModelError(nameof(TeamId), "Advisors and managers work in a team: choose one.");
        }
        else if (TeamId is { } team && Teams.All(t => t.Value != team.ToString()))
        {
            ModelState.AddModelError(nameof(TeamId), "That team does not exist (any more). Choose one from the list.");
        }

        if (!ModelState.IsValid && ModelState[nameof(OtherTeams)]?.Errors.Count > 0)
        {
            ModelState[nameof(OtherTeams)]!.Errors.Clear();
            ModelState.AddModelError(nameof(OtherTeams), "Tick teams from the list.");
        }
        else if (OtherTeams.Count > 0 && role != UserRole.Manager)
        {
            ModelState.AddModelError(nameof(OtherTeams), "Only managers look after other teams: untick them, or make them a manager.");
        }
        else if (OtherTeams.Any(o => Teams.All(t => t.Value != o.ToString())))
        {
            ModelState.AddModelError(nameof(OtherTeams), "One of those teams does not exist (any more). Tick teams from the list.");
        }

        var movesTeam = TeamId is not null && TeamId != person.TeamId;
        if (HandTo is { } to && (!movesTeam || Colleagues.All(c => c.Value != to.ToString())))
        {
            ModelState.AddModelError(nameof(HandTo), movesTeam
                ? "Choose someone of their old team to take over, or let them keep their relationships."
                : "Their relationships are handed over only when they move to another team.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var otherTeams = OtherTeams.Where(o => o != TeamId).Distinct().Order().ToList();
        if (role == person.Role && TeamId == person.TeamId && otherTeams.SequenceEqual(CurrentOtherTeams.Order()))
        {
            TempData.Flash($"Nothing changed for {person.DisplayName}.");
            return RedirectToPage("Index");
        }

        var before = $"{person.Role} of {CurrentTeam ?? "no team"}{AlsoLooksAfter(CurrentOtherTeams)}";
        var handed = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (movesTeam && person.TeamId is { } oldTeam)
            {
                handed = await MoveRelationshipsAsync(person, oldTeam, TeamId!.Value, cancellationToken);
            }

            person.Role = role;
            person.TeamId = TeamId;
            await db.ManagedTeams.Where(m => m.UserId == person.Id).ExecuteDeleteAsync(cancellationToken);
            db.ManagedTeams.AddRange(otherTeams.Select(t => new ManagedTeam { UserId = person.Id, TeamId = t }));
            var updated = await users.UpdateAsync(person);
            if (!updated.Succeeded)
            {
                throw new InvalidOperationException($"Changing {person.Email} failed: {string.Join(" ", updated.Errors.Select(e => e.Description))}");
            }

            var newTeam = Teams.FirstOrDefault(t => t.Value == TeamId?.ToString())?.Text ?? "no team";
            audit.Add(AuditKind.RoleOrTeamChanged, person.Id, $"{person.Email}: {before} → {role} of {newTeam}{AlsoLooksAfter(otherTeams)}"
                + (handed > 0 ? $"; {handed} relationships handed to {Colleagues.First(c => c.Value == HandTo.ToString()).Text}" : string.Empty));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        TempData.Flash($"{person.DisplayName} is now {role}{(TeamId is null ? "" : $" of {Teams.First(t => t.Value == TeamId.ToString()).Text}")}{AlsoLooksAfter(otherTeams)}"
            + (handed > 0 ? $"; their {handed} relationships of the old team were handed over." : ".")
            + " Their sessions carry on with it from their next page.");
        return RedirectToPage("Index");
    }

    /// <summary>", who also looks after A and B", or nothing.</summary>
    private string AlsoLooksAfter(List<Guid> teams) => teams.Count == 0
        ? string.Empty
        : ", also looking after " + string.Join(", ", Teams.Where(t => teams.Any(o => o.ToString() == t.Value)).Select(t => t.Text));

    /// <summary>The person's relationships of their old team: to the colleague chosen (hand-offs), or with them to the new team.</summary>
    private async Task<int> MoveRelationshipsAsync(AppUser person, Guid oldTeam, Guid newTeam, CancellationToken cancellationToken)
    {
        var theirs = await db.Relationships.Include(r => r.Contact).ThenInclude(c => c.Organisation).Where(r => r.OwnerId == person.Id && r.TeamId == oldTeam).ToListAsync(cancellationToken);
        var now = time.UtcNow();
        var admin = Guid.Parse(users.GetUserId(User)!);
        foreach (var relationship in theirs)
        {
            if (HandTo is { } to)
            {
                db.HandOffs.Add(relationship.HandOffTo(time.NewId(), to, admin, $"{person.DisplayName} moved to another team.", now));
                audit.Add(AuditKind.HandOff, relationship.Id, $"{relationship.Contact.Organisation.Name}: to {Colleagues.First(c => c.Value == to.ToString()).Text}");
            }
            else
            {
                relationship.MoveToTeam(newTeam);
            }
        }

        return HandTo is null ? 0 : theirs.Count;
    }

    private async Task<AppUser?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await users.FindByIdAsync(id.ToString());
        if (person is null)
        {
            return null;
        }

        DisplayName = person.DisplayName;
        Teams = await db.Teams.OrderBy(t => t.Name).Select(t => new OptionRow(t.Name, t.Id)).ToOptionsAsync(cancellationToken);
        CurrentTeam = Teams.FirstOrDefault(t => t.Value == person.TeamId?.ToString())?.Text;
        Relationships = person.TeamId is { } team
            ? await db.Relationships.CountAsync(r => r.OwnerId == person.Id && r.TeamId == team, cancellationToken)
            : 0;
        Colleagues = await People.Colleagues.OfAsync(db, person, cancellationToken);
        CurrentOtherTeams = await ManagedTeam.OtherTeamsOfAsync(db, person.Id, cancellationToken);
        return person;
    }
}
