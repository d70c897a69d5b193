using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Formatting;
using TrustAdvisor.Web.Security;
using TrustAdvisor.Web.Security.SingleSignOn;

namespace TrustAdvisor.Web.Pages.Account;

public sealed class SignInModel(
    Sessions sessions, Microsoft.Extensions.Options.IOptions<SessionLimits> sessionOptions, UserManager<AppUser> users, DatabaseOptions database,
    AuditTrail audit, PasswordCheck passwords, TwoFactorSignIn twoFactor, TrustAdvisorDbContext db,
    Microsoft.Extensions.Options.IOptions<SingleSignOnOptions> singleSignOn) : PageModel
{
    /// <summary>The one answer to every failure: an unknown address, a wrong password, an account held back or locked, or not active.</summary>
    public const string Failed = "The email or password is not right, or the account is not active. After several failed attempts, "
        + "the account rests for a few minutes: try again later, or choose a new password with \"Forgot your password?\".";

    [BindProperty]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [BindProperty]
    [Display(Name = "Password")]
    public string? Password { get; set; }

    /// <summary>"Keep me signed in on this device": the session then ends only at its absolute lifetime, not when idle.</summary>
    [BindProperty]
    public bool KeepSignedIn { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The demo accounts, shown only while the demo team and its accounts exist.</summary>
    public IReadOnlyList<(string Email, string Password, string DisplayName, UserRole Role)> DemoAccounts { get; private set; } = [];

    public bool NeedsSetup { get; private set; }

    /// <summary>The single sign-on provider's name for its button; null when single sign-on is off.</summary>
    public string? Provider => singleSignOn.Value.IsOn ? singleSignOn.Value.DisplayName : null;

    /// <summary>Only administrators may use a password (break-glass): the form is then tucked away below the provider's button.</summary>
    public bool PasswordsForAdministratorsOnly { get; private set; }

    /// <summary>A session's absolute lifetime in words ("12 hours").</summary>
    public string LifetimeInWords => Display.Duration(sessionOptions.Value.AbsoluteLifetime);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address.");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        // Found once, for the check and for the audit log (people sign in with their email as user name).
        var check = await passwords.CheckAsync(Email!, await users.FindByNameAsync(Email!.Trim()), Password!);
        if (check.Passed && !(await SignInPolicy.CurrentAsync(db)).MaySignInWithPassword(check.Person!.Role))
        {
            // The password was right, so saying why gives nothing away.
            await audit.RecordAsync(AuditKind.SignInFailed, check.Person.Id, $"{Email.Trim()} (passwords are off: single sign-on only)");
            ModelState.AddModelError(string.Empty, $"Passwords are not used here any more: sign in with {Provider ?? "single sign-on"}.");
            await LoadAsync();
            return Page();
        }

        if (check.Passed && await twoFactor.StartIfNeededAsync(check.Person!, KeepSignedIn))
        {
            return RedirectToPage("/Account/SignInCode", new { ReturnUrl }); // audited once the code is given
        }

        if (check.Passed)
        {
            await sessions.SignInAsync(check.Person!, KeepSignedIn); // first, so the audit log names them as who did it
        }

        await audit.RecordAsync(
            check.Passed ? AuditKind.SignInSucceeded : check.LockedNow ? AuditKind.LockedOut : AuditKind.SignInFailed,
            check.Person?.Id,
            check.Passed ? Email.Trim() : $"{Email.Trim()} ({Describe(check.Failure)})");
        if (check.Passed)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        ModelState.AddModelError(string.Empty, Failed);
        await LoadAsync();
        return Page();
    }

    public static string Describe(PasswordCheckFailure failure) => failure switch
    {
        PasswordCheckFailure.UnknownAccount => "no such account",
        PasswordCheckFailure.WrongPassword => "wrong password",
        PasswordCheckFailure.TooManyFromThisAddress => "held back: too many failures from this address",
        PasswordCheckFailure.AccountLocked => "account locked",
        PasswordCheckFailure.NotActive => "not active",
        PasswordCheckFailure.WrongCode => "wrong second-factor code",
        _ => failure.ToString(),
    };

    private async Task LoadAsync()
    {
        NeedsSetup = !await AccountSeeder.AdministratorExistsAsync(users);
        PasswordsForAdministratorsOnly = (await SignInPolicy.CurrentAsync(db)).PasswordsFor == PasswordSignIn.AdministratorsOnly;
        if (database.DemoData)
        {
            var demoEmails = AccountSeeder.DemoAccounts.Select(a => a.Email).ToList();
            var present = await users.Users.Where(u => u.IsDemo && u.IsActive && demoEmails.Contains(u.Email!)).Select(u => u.Email).ToListAsync();
            DemoAccounts = AccountSeeder.DemoAccounts.Where(a => present.Contains(a.Email)).ToList();
        }
    }
}
