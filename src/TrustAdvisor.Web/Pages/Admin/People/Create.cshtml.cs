using FluentValidation;
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

namespace TrustAdvisor.Web.Pages.Admin.People;

public sealed class CreateModel(
    TrustAdvisorDbContext db, UserManager<AppUser> users, IValidator<PersonInput> validator, TimeProvider time, AuditTrail audit) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new() { Role = UserRole.Advisor };

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

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await AccountSeeder.CreateAsync(
            users, Input.Email!, Input.Password!, Input.DisplayName!, Input.Role!.Value, time.UtcNow(), Input.TeamId);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email";
                ModelState.AddModelError(field, error.Code is "DuplicateEmail" or "DuplicateUserName" ? "Someone already signs in with that email." : error.Description);
            }

            return Page();
        }

        var created = await users.FindByEmailAsync(Input.Email!.Trim());
        await audit.RecordAsync(AuditKind.PersonCreated, created?.Id, $"{Input.Email!.Trim()} as {Input.Role}");
        TempData.Flash($"Added {Input.DisplayName!.Trim()} as {Input.Role}. Give them their first password in person.");
        return RedirectToPage("Index");
    }

    private async Task LoadTeamsAsync(CancellationToken cancellationToken) =>
        Teams = await db.Teams.OrderBy(t => t.Name)
            .Select(t => new SelectListItem(t.Name, t.Id.ToString()))
            .ToListAsync(cancellationToken);
}
