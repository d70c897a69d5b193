using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;
using TrustAdvisor.Web.Security.SingleSignOn;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>
/// "Confirm it is you" before a sensitive action (ConfirmFirst): the password, or a code from the authenticator app,
/// checked and throttled as at sign-in. Someone with neither (single sign-on alone) signs in again at the provider.
/// </summary>
public sealed class ConfirmModel(
    UserManager<AppUser> users, PasswordCheck passwords, TwoFactorSignIn twoFactor, Sessions sessions, AuditTrail audit,
    IOptions<SingleSignOnOptions> singleSignOn) : PageModel
{
    public const string NotYou = "That is not your password or a current code from your app, or there were too many attempts: try again in a few minutes.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    public bool HasPassword { get; private set; }

    public bool HasTwoFactor { get; private set; }

    /// <summary>The provider to sign in with again, for someone with neither a password nor two-factor.</summary>
    public string? Provider => singleSignOn.Value.IsOn ? singleSignOn.Value.DisplayName : null;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not { } me || Sessions.IdOf(User) is not { } session)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Secret))
        {
            ModelState.AddModelError(nameof(Secret), HasTwoFactor ? "Enter your password or a code from your app." : "Enter your password.");
            return Page();
        }

        var confirmed = HasTwoFactor && TwoFactorSignIn.IsAppCode(Secret)
            ? await passwords.CheckCodeAsync(me, () => twoFactor.VerifyAsync(me, Secret), cancellationToken) == PasswordCheckFailure.None
            : HasPassword && (await passwords.CheckAsync(me.Email!, me, Secret, cancellationToken)).Passed;
        if (!confirmed)
        {
            await audit.RecordAsync(AuditKind.SignInFailed, me.Id, $"{me.Email} (confirming before a sensitive action)");
            ModelState.AddModelError(nameof(Secret), NotYou);
            return Page();
        }

        await sessions.ConfirmAsync(session);
        TempData.Flash("Thank you: that was you. Now do it again; you will not be asked for the next few minutes.");
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private async Task<AppUser?> LoadAsync()
    {
        var me = await users.GetUserAsync(User);
        HasPassword = me?.PasswordHash is not null;
        HasTwoFactor = me?.TwoFactorEnabled == true;
        return me;
    }
}
