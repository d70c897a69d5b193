using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>
/// Two-factor sign-in for oneself: set up with an authenticator app (a QR code drawn on the server, and the key as
/// text), ten recovery codes shown once, new codes or off with a current code.
/// </summary>
public sealed class TwoFactorModel(
    UserManager<AppUser> users, IUserStore<AppUser> store, TwoFactorSignIn twoFactor, PasswordCheck checks, Sessions sessions, AuditTrail audit,
    TrustAdvisorDbContext db) : PageModel
{
    public const string WrongCode = "That code is not right, or it has been used already. Type the code your app shows now; "
        + "if it is still refused, check that your phone's clock is set automatically.";

    [BindProperty]
    [Display(Name = "Code")]
    public string? Code { get; set; }

    public bool IsOn { get; private set; }

    /// <summary>The installation requires two-factor of this person's role (Sign-in rules): it cannot be turned off.</summary>
    public bool IsRequired { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>While setting up: the key, in groups of four for typing, and the address the QR code holds.</summary>
    public string? Key { get; private set; }

    public string? AuthenticatorUri { get; private set; }

    /// <summary>Shown once, in the answer that made them; never stored in a form the app can show again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostOnAsync()
    {
        var me = await LoadAsync();
        if (me is null)
        {
            return NotFound();
        }

        if (IsOn)
        {
            return RedirectToPage();
        }

        if (!CodeGiven() || !await twoFactor.VerifyAsync(me, Code!))
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError(nameof(Code), WrongCode);
            }

            return Page();
        }

        await users.SetTwoFactorEnabledAsync(me, true);
        await audit.RecordAsync(AuditKind.TwoFactorOn, me.Id, me.Email);
        return await ShowNewCodesAsync(me);
    }

    public async Task<IActionResult> OnPostNewCodesAsync()
    {
        var me = await LoadAsync();
        if (me is null)
        {
            return NotFound();
        }

        if (!IsOn)
        {
            return RedirectToPage();
        }

        if (!await CurrentCodeAsync(me))
        {
            return Page();
        }

        await audit.RecordAsync(AuditKind.RecoveryCodesRenewed, me.Id, me.Email);
        return await ShowNewCodesAsync(me);
    }

    public async Task<IActionResult> OnPostOffAsync()
    {
        var me = await LoadAsync();
        if (me is null)
        {
            return NotFound();
        }

        if (!IsOn)
        {
            return RedirectToPage();
        }

        if (IsRequired)
        {
            ModelState.AddModelError(nameof(Code), "Your firm requires two-factor sign-in of your role: it cannot be turned off.");
            return Page();
        }

        if (!await CurrentCodeAsync(me))
        {
            return Page();
        }

        await PeopleAdministration.TurnOffTwoFactorAsync(users, me);
        await sessions.RenewCookieAsync(me);
        await audit.RecordAsync(AuditKind.TwoFactorOff, me.Id, me.Email);
        TempData.Flash("Two-factor sign-in is off. Your password alone signs you in again.");
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowNewCodesAsync(AppUser me)
    {
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(me, TwoFactorSignIn.RecoveryCodeCount))?.ToList() ?? [];
        // Turning it on changed the person's security stamp: other sessions end, this one carries on.
        await sessions.RenewCookieAsync(me);
        IsOn = true;
        RecoveryCodesLeft = NewRecoveryCodes.Count;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>A current code of either kind, throttled as sign-in is: an open session is no way to guess codes.</summary>
    private async Task<bool> CurrentCodeAsync(AppUser me)
    {
        if (!CodeGiven())
        {
            return false;
        }

        var failure = await checks.CheckCodeAsync(me, () => twoFactor.VerifyAsync(me, Code!));
        if (failure == PasswordCheckFailure.None)
        {
            return true;
        }

        await audit.RecordAsync(AuditKind.SignInFailed, me.Id, $"{me.Email} ({SignInModel.Describe(failure)}, Two-factor sign-in)");
        ModelState.AddModelError(nameof(Code), WrongCode);
        return false;
    }

    private bool CodeGiven()
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the code your authenticator app shows.");
            return false;
        }

        return true;
    }

    private async Task<AppUser?> LoadAsync()
    {
        var me = await users.GetUserAsync(User);
        if (me is null)
        {
            return null;
        }

        IsOn = me.TwoFactorEnabled;
        IsRequired = (await Infrastructure.Identity.SignInPolicy.CurrentAsync(db, HttpContext.RequestAborted)).RequiresTwoFactor(me.Role);
        if (IsOn)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(me);
            return me;
        }

        // A key of its own for setting up, made once and kept until it is used (making it does not end any session).
        var key = await users.GetAuthenticatorKeyAsync(me);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(me, key, HttpContext.RequestAborted);
            await users.UpdateAsync(me);
        }

        Key = string.Join(' ', key.Chunk(4).Select(chunk => new string(chunk))).ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("TrustAdvisor:" + me.Email)}?secret={key}&issuer=TrustAdvisor&digits=6";
        return me;
    }
}
