using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Admin.People;

/// <summary>Administrators set a new password for someone who forgot theirs; it also unlocks them and ends their sessions.</summary>
public sealed class PasswordModel(UserManager<AppUser> users, AuditTrail audit, IValidator<INewPassword> validator, Web.Mail.AccountNotices.SecurityNotices notices,
    Web.Security.Sessions sessions) : PageModel
{
    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public string DisplayName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var person = await users.FindByIdAsync(id.ToString());
        if (person is null)
        {
            return NotFound();
        }

        DisplayName = person.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await users.FindByIdAsync(id.ToString());
        if (person is null)
        {
            return NotFound();
        }

        DisplayName = person.DisplayName;
        if (!await validator.ValidateIntoAsync(new NewPasswordInput(NewPassword, ConfirmPassword), ModelState, string.Empty, cancellationToken))
        {
            return Page();
        }

        var result = await PeopleAdministration.ResetPasswordAsync(users, person, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(NewPassword), error.Description);
            }

            return Page();
        }

        await sessions.EndAllAsync(person.Id);
        await audit.RecordAsync(AuditKind.PasswordReset, person.Id, person.Email);
        await notices.PasswordChangedAsync(person, "by an administrator", cancellationToken);
        TempData.Flash($"Set a new password for {person.DisplayName}; their other sessions have ended.");
        return RedirectToPage("Index");
    }
}
