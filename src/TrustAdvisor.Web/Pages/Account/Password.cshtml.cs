using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>Change one's own password; other sessions end, this one carries on.</summary>
public sealed class PasswordModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditTrail audit, IValidator<ChangePasswordInput> validator) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = new ChangePasswordInput(CurrentPassword, NewPassword, ConfirmPassword);
        if (!await validator.ValidateIntoAsync(input, ModelState, string.Empty, cancellationToken))
        {
            return Page();
        }

        var me = await users.GetUserAsync(User);
        if (me is null)
        {
            return NotFound();
        }

        var result = await users.ChangePasswordAsync(me, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    error.Code == "PasswordMismatch" ? nameof(CurrentPassword) : nameof(NewPassword),
                    error.Code == "PasswordMismatch" ? "That is not your current password." : error.Description);
            }

            return Page();
        }

        await audit.RecordAsync(AuditKind.PasswordChanged, me.Id, me.Email);
        await signIn.RefreshSignInAsync(me);
        TempData["Flash"] = "Your password is changed.";
        return RedirectToPage("/Relationships/Index");
    }
}
