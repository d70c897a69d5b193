using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;
using TrustAdvisor.Web.Security.SingleSignOn;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>
/// Change one's own password; other sessions end, this one carries on. Someone who joined through single sign-on has
/// no password: the page says so, and how to choose one where the sign-in rules let their role use one.
/// </summary>
public sealed class PasswordModel(
    UserManager<AppUser> users, Sessions sessions, AuditTrail audit, IValidator<ChangePasswordInput> validator,
    PasswordCheck passwords, Web.Mail.AccountNotices.SecurityNotices notices, TrustAdvisorDbContext db,
    IOptions<SingleSignOnOptions> singleSignOn) : PageModel
{
    public const string NotCurrent = "That is not your current password, or there were too many attempts: try again in a few minutes.";

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    /// <summary>For someone without a password: why there is nothing to change, and what they can do instead.</summary>
    public string? NoPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await users.GetUserAsync(User) is { } me ? await PageForAsync(me, cancellationToken) : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return NotFound();
        }

        if (me.PasswordHash is null)
        {
            return await PageForAsync(me, cancellationToken);
        }

        var input = new ChangePasswordInput(CurrentPassword, NewPassword, ConfirmPassword);
        if (!await validator.ValidateIntoAsync(input, ModelState, string.Empty, cancellationToken))
        {
            return Page();
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

    private async Task<IActionResult> PageForAsync(AppUser me, CancellationToken cancellationToken)
    {
        if (me.PasswordHash is null)
        {
            var provider = singleSignOn.Value.IsOn ? singleSignOn.Value.DisplayName : "single sign-on";
            NoPassword = $"You sign in with {provider} and have no TrustAdvisor password, so there is none to change. "
                + ((await SignInPolicy.CurrentAsync(db, cancellationToken)).MaySignInWithPassword(me.Role)
                    ? "To have one as well, for when the provider cannot be reached, sign out and use “Forgot your password?” on the sign-in page: a link to choose it comes by email."
                    : "Passwords are off for your role here: you sign in only through the provider.");
        }

        return Page();
    }
}
