using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>Change one's own password; other sessions end, this one carries on.</summary>
public sealed class PasswordModel(
    UserManager<AppUser> users, Sessions sessions, AuditTrail audit, IValidator<ChangePasswordInput> validator,
    PasswordCheck passwords, Web.Mail.AccountNotices.SecurityNotices notices) : PageModel
{
    public const string NotCurrent = "That is not your current password, or there were too many attempts: try again in a few minutes.";

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

        // Throttled like sign-in: a session left open must not become a way to guess the password.
        var check = await passwords.CheckAsync(me.Email!, me, CurrentPassword!, cancellationToken);
        if (!check.Passed)
        {
            await audit.RecordAsync(check.LockedNow ? AuditKind.LockedOut : AuditKind.SignInFailed, me.Id, $"{me.Email} (Change password)");
            ModelState.AddModelError(nameof(CurrentPassword), NotCurrent);
            return Page();
        }

        var result = await users.ChangePasswordAsync(me, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    error.Code == "PasswordMismatch" ? nameof(CurrentPassword) : nameof(NewPassword),
                    error.Code == "PasswordMismatch" ? NotCurrent : error.Description);
            }

            return Page();
        }

        await audit.RecordAsync(AuditKind.PasswordChanged, me.Id, me.Email);
        await notices.PasswordChangedAsync(me, "by you, on Change password", cancellationToken);
        await sessions.EndAllAsync(me.Id, keep: Sessions.IdOf(User));
        await sessions.RenewCookieAsync(me);
        TempData.Flash("Your password is changed.");
        return RedirectToPage("/Relationships/Index");
    }
}
