using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Formatting;

namespace TrustAdvisor.Web.Pages.Account;

public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, DatabaseOptions database, AuditTrail audit) : PageModel
{
    public const string Failed = "The email or password is not right, or the account is not active.";

    [BindProperty]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [BindProperty]
    [Display(Name = "Password")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The demo accounts, shown only while the demo team and its accounts exist.</summary>
    public IReadOnlyList<(string Email, string Password, string DisplayName, UserRole Role)> DemoAccounts { get; private set; } = [];

    public bool NeedsSetup { get; private set; }

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

        // Found once, for the sign-in and for the audit log (people sign in with their email as user name).
        var person = await users.FindByNameAsync(Email!.Trim());
        var result = person is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(person, Password!, isPersistent: false, lockoutOnFailure: true);
        await audit.RecordAsync(
            result.Succeeded ? AuditKind.SignInSucceeded : result.IsLockedOut ? AuditKind.LockedOut : AuditKind.SignInFailed,
            person?.Id,
            Email.Trim());
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        ModelState.AddModelError(
            string.Empty,
            result.IsLockedOut
                ? $"Too many failed attempts: this account is locked for {Security.Accounts.LockoutDuration.TotalMinutes:0} minutes. An administrator can unlock it sooner."
                : Failed);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        NeedsSetup = !await AccountSeeder.AdministratorExistsAsync(users);
        if (database.DemoData)
        {
            var demoEmails = AccountSeeder.DemoAccounts.Select(a => a.Email).ToList();
            var present = await users.Users.Where(u => u.IsDemo && u.IsActive && demoEmails.Contains(u.Email!)).Select(u => u.Email).ToListAsync();
            DemoAccounts = AccountSeeder.DemoAccounts.Where(a => present.Contains(a.Email)).ToList();
        }
    }
}
