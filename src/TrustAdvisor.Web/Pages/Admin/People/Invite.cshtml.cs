using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Admin.People;

/// <summary>
/// Administrators invite a person (name, email, role, team) or many at once (pasted lines); each gets an emailed link
/// to choose their own password. The lines are all invited or, if one is wrong, none.
/// </summary>
public sealed class InviteModel(TrustAdvisorDbContext db, Invitations invitations, IValidator<PersonInput> validator, AuditTrail audit) : PageModel
{
    public const int MostLines = 500;

    [BindProperty]
    public PersonInput Input { get; set; } = new() { Role = UserRole.Advisor };

    /// <summary>Lines of "name, email, role, team" (commas, semicolons or tabs; the team may be left out for an administrator).</summary>
    [BindProperty]
    public string? Lines { get; set; }

    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadTeamsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadTeamsAsync(cancellationToken);
        var valid = await validator.ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (valid && Input.TeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, cancellationToken))
        {
            ModelState.AddModelError("Input.TeamId", "That team does not exist (any more). Choose one from the list.");
        }

        var normalized = Input.Email?.Trim().ToUpperInvariant();
        if (valid && await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            ModelState.AddModelError("Input.Email", "Someone already signs in with that email.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await InviteAllAsync([Input], cancellationToken);
        TempData.Flash($"Invited {Input.DisplayName!.Trim()} as {Input.Role}: they have an email with a link to choose their password, valid for a week.");
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostManyAsync(CancellationToken cancellationToken)
    {
        await LoadTeamsAsync(cancellationToken);
        // By name ignoring case; two teams whose names differ only in case are told apart by neither (null).
        var teams = (await db.Teams.Select(t => new { t.Name, t.Id }).ToListAsync(cancellationToken))
            .GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count() == 1 ? g.Single().Id : (Guid?)null, StringComparer.OrdinalIgnoreCase);
        var lines = (Lines ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            ModelState.AddModelError(nameof(Lines), "Paste one line per person: name, email, role, team.");
            return Page();
        }

        if (lines.Count > MostLines)
        {
            ModelState.AddModelError(nameof(Lines), $"At most {MostLines} people at a time; this has {lines.Count:N0} lines.");
            return Page();
        }

        var people = new List<PersonInput>();
        var problems = new List<string>();
        var existing = (await db.Users.Select(u => u.NormalizedEmail!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var (person, problem) = await ReadLineAsync(lines[i], teams, cancellationToken);
            if (problem is null && !existing.Add(person!.Email!.Trim().ToUpperInvariant()))
            {
                problem = "someone already signs in with that email, or it is on another line too.";
            }

            if (problem is null)
            {
                people.Add(person!);
            }
            else
            {
                problems.Add($"Line {i + 1}: {problem}");
            }
        }

        if (problems.Count > 0)
        {
            ModelState.AddModelError(nameof(Lines), $"Nobody was invited. {string.Join(" ", problems.Take(10))}{(problems.Count > 10 ? $" And {problems.Count - 10} more." : "")}");
            return Page();
        }

        await InviteAllAsync(people, cancellationToken);
        TempData.Flash($"Invited {people.Count} {(people.Count == 1 ? "person" : "people")}: each has an email with a link to choose their password, valid for a week.");
        return RedirectToPage("Index");
    }

    /// <summary>Everyone or nobody: the people and their emails are saved in one transaction, then the emails go.</summary>
    private async Task InviteAllAsync(IReadOnlyList<PersonInput> people, CancellationToken cancellationToken)
    {
        var invitedBy = Invitations.InviterName(User);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var person in people)
            {
                var (result, invited) = await invitations.InviteAsync(
                    person.DisplayName!, person.Email!, person.Role!.Value, person.TeamId, invitedBy, cancellationToken);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Inviting {person.Email} failed after it was checked: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                }

                audit.Add(AuditKind.InvitationSent, invited.Id, $"{invited.Email} as {person.Role}");
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await invitations.DeliverAsync(cancellationToken);
    }

    private async Task<(PersonInput? Person, string? Problem)> ReadLineAsync(string line, Dictionary<string, Guid?> teams, CancellationToken cancellationToken)
    {
        var parts = line.Split([',', ';', '\t']).Select(p => p.Trim()).ToArray();
        if (parts.Length is < 3 or > 4)
        {
            return (null, "write name, email, role and team, separated by commas.");
        }

        if (!Enum.TryParse<UserRole>(parts[2], ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            return (null, $"the role \"{parts[2]}\" is not Advisor, Manager or Administrator.");
        }

        Guid? team = null;
        if (parts.Length == 4 && parts[3].Length > 0)
        {
            if (!teams.TryGetValue(parts[3], out var found))
            {
                return (null, $"there is no team called \"{parts[3]}\".");
            }

            if (found is null)
            {
                return (null, $"more than one team is called \"{parts[3]}\" (in capitals or not): invite this person on the form above.");
            }

            team = found;
        }

        var person = new PersonInput { DisplayName = parts[0], Email = parts[1], Role = role, TeamId = team };
        var result = await validator.ValidateAsync(person, cancellationToken);
        return result.IsValid ? (person, null) : (null, string.Join(" ", result.Errors.Select(e => e.ErrorMessage)));
    }

    private async Task LoadTeamsAsync(CancellationToken cancellationToken) =>
        Teams = await db.Teams.OrderBy(t => t.Name)
            .Select(t => new OptionRow(t.Name, t.Id))
            .ToOptionsAsync(cancellationToken);
}
