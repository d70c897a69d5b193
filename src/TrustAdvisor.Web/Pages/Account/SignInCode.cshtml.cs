using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>The second step of signing in for a person with two-factor on: a code from their app, or a recovery code.</summary>
public sealed class SignInCodeModel(TwoFactorSignIn twoFactor, PasswordCheck checks, UserManager<AppUser> users, AuditTrail audit) : PageModel
{
    public const string Failed = "That code is not right, or it has been used already. Type the code your app shows now "
        + "(it changes every 30 seconds), or one of your recovery codes. After several wrong codes the account rests for a few minutes.";

    public const string TimedOut = "Signing in took more than five minutes: enter your email and password again.";

    /// <summary>Recovery codes left at or below this after one is used, the person is told to make new ones.</summary>
    public const int FewRecoveryCodesLeft = 3;

    [BindProperty]
    [Display(Name = "Code")]
    public string? Code { get; set; }

    [BindProperty]
    public bool RememberDevice { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public int RememberDays => (int)TwoFactorSignIn.RememberDeviceFor.TotalDays;

    public async Task<IActionResult> OnGetAsync() => await twoFactor.PendingAsync() is null ? StartAgain() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await twoFactor.PendingAsync() is not { } pending)
        {
            return StartAgain();
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the code from your authenticator app, or a recovery code.");
            return Page();
        }

        var code = Code.Trim();
        var recovery = !TwoFactorSignIn.IsAppCode(code);
        var failure = await checks.CheckCodeAsync(pending.Person, () => twoFactor.VerifyAsync(pending.Person, code));
        if (failure != PasswordCheckFailure.None)
        {
            await audit.RecordAsync(AuditKind.SignInFailed, pending.Person.Id, $"{pending.Person.Email} ({SignInModel.Describe(failure)})");
            ModelState.AddModelError(nameof(Code), Failed);
            return Page();
        }

        await twoFactor.CompleteAsync(pending, RememberDevice);
        var left = recovery ? await users.CountRecoveryCodesAsync(pending.Person) : (int?)null;
        await audit.RecordAsync(AuditKind.SignInSucceeded, pending.Person.Id,
            $"{pending.Person.Email} (with {(recovery ? $"a recovery code, {left} left" : "an authenticator code")})");
        if (left <= FewRecoveryCodesLeft)
        {
            TempData.Flash($"You have {left} recovery code{(left == 1 ? "" : "s")} left. Make new ones under Your settings, Two-factor sign-in.");
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private RedirectToPageResult StartAgain()
    {
        TempData.Flash(TimedOut);
        return RedirectToPage("/Account/SignIn", new { ReturnUrl });
    }
}
