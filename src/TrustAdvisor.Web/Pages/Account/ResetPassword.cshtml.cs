using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>
/// The emailed link's page: a new password, typed twice. Identity's token is bound to the person's security stamp,
/// which the reset changes, so a link works once; it also expires after <see cref="LinkValidFor"/>.
/// </summary>
public sealed class ResetPasswordModel(
    UserManager<AppUser> users, AuditTrail audit, IValidator<ResetPasswordInput> validator) : PageModel
{
    public static readonly TimeSpan LinkValidFor = TimeSpan.FromHours(2);

    public const string LinkRefused = "This link has expired or has already been used. Ask for a new one.";

    [BindProperty(SupportsGet = true)]
    public Guid? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool LinkIsIncomplete => Person is null || string.IsNullOrEmpty(Token);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (LinkIsIncomplete)
        {
            ModelState.AddModelError(string.Empty, LinkRefused);
            return Page();
        }

        if (!await validator.ValidateIntoAsync(new ResetPasswordInput(NewPassword, ConfirmPassword), ModelState, string.Empty, cancellationToken))
        {
            return Page();
        }

        var person = await users.FindByIdAsync(Person!.Value.ToString());
        var result = person is { IsActive: true }
            ? await users.ResetPasswordAsync(person, Token!, NewPassword!)
            : IdentityResult.Failed(new IdentityError { Code = "InvalidToken" });
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var (key, message) = error.Code == "InvalidToken" ? (string.Empty, LinkRefused) : (nameof(NewPassword), error.Description);
                ModelState.AddModelError(key, message);
            }

            return Page();
        }

        // Whoever can read the mailbox may sign in again, also after too many wrong passwords.
        await users.SetLockoutEndDateAsync(person!, null);
        await users.ResetAccessFailedCountAsync(person!);
        await audit.RecordAsync(AuditKind.PasswordReset, person!.Id, "by the emailed link");
        TempData["Flash"] = "Your password is changed. Sign in with it.";
        return RedirectToPage("/Account/SignIn");
    }
}

public sealed record ResetPasswordInput(string? NewPassword, string? ConfirmPassword) : INewPassword;

public sealed class ResetPasswordInputValidator : AbstractValidator<ResetPasswordInput>
{
    public ResetPasswordInputValidator() => Include(new NewPasswordValidator());
}
