using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>
/// The emailed link's page: a new password, typed twice. Identity's token is bound to the person's security stamp,
/// which the reset changes, so a link works once; it also expires (<see cref="MailOptions.ResetLinkValidFor"/>).
/// </summary>
public sealed class ResetPasswordModel(
    UserManager<AppUser> users, AuditTrail audit, IValidator<ResetPasswordInput> validator, PasswordCheck passwords,
    Web.Mail.AccountNotices.SecurityNotices notices, Sessions sessions, Infrastructure.Persistence.TrustAdvisorDbContext db) : PageModel
{
    public const string LinkRefused = "This link has expired or has already been used. Ask for a new one.";

    [BindProperty(SupportsGet = true)]
    public Guid? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    /// <summary>The link is incomplete, expired, used or not this person's: the page says so instead of showing the form.</summary>
    public bool LinkIsUnusable { get; private set; }

    private bool LinkIsIncomplete => Person is null || string.IsNullOrEmpty(Token);

    // Checked on opening too, so nobody types a new password twice only to learn the link had expired.
    public async Task OnGetAsync() => LinkIsUnusable = LinkIsIncomplete || !await LinkWorksAsync();

    private async Task<bool> LinkWorksAsync()
    {
        var person = await users.FindByIdAsync(Person!.Value.ToString());
        return person is { IsActive: true } && await MayUsePasswordAsync(person)
            && await users.VerifyUserTokenAsync(person, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, Token!);
    }

    /// <summary>A link sent before passwords were kept for administrators does not give anyone else one.</summary>
    private async Task<bool> MayUsePasswordAsync(AppUser person) =>
        (await Infrastructure.Identity.SignInPolicy.CurrentAsync(db)).MaySignInWithPassword(person.Role);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (LinkIsIncomplete)
        {
            LinkIsUnusable = true;
            return Page();
        }

        if (!await validator.ValidateIntoAsync(new ResetPasswordInput(NewPassword, ConfirmPassword), ModelState, string.Empty, cancellationToken))
        {
            return Page();
        }

        var person = await users.FindByIdAsync(Person!.Value.ToString());
        var result = person is { IsActive: true } && await MayUsePasswordAsync(person)
            ? await users.ResetPasswordAsync(person, Token!, NewPassword!)
            : IdentityResult.Failed(new IdentityError { Code = "InvalidToken" });
        if (!result.Succeeded)
        {
            LinkIsUnusable = result.Errors.Any(error => error.Code == "InvalidToken");
            foreach (var error in result.Errors.Where(error => error.Code != "InvalidToken"))
            {
                ModelState.AddModelError(nameof(NewPassword), error.Description);
            }

            return Page();
        }

        // Whoever can read the mailbox may sign in again, also after too many wrong passwords, from anywhere.
        await users.SetLockoutEndDateAsync(person!, null);
        await passwords.ForgetFailuresAsync(person!.Email!, cancellationToken);
        await sessions.EndAllAsync(person.Id);
        await audit.RecordAsync(AuditKind.PasswordReset, person.Id, "by the emailed link");
        await notices.PasswordChangedAsync(person, "with a link emailed to you", cancellationToken);
        TempData.Flash("Your password is changed. Sign in with it.");
        return RedirectToPage("/Account/SignIn");
    }
}

public sealed record ResetPasswordInput(string? NewPassword, string? ConfirmPassword) : INewPassword;

public sealed class ResetPasswordInputValidator : AbstractValidator<ResetPasswordInput>
{
    public ResetPasswordInputValidator() => Include(new NewPasswordValidator());
}
