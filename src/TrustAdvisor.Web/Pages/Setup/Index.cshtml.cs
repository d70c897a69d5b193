using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Setup;

/// <summary>First run: creates the first administrator. Once one exists, this page is gone (404).</summary>
public sealed class IndexModel(
    UserManager<AppUser> users, Sessions sessions, IValidator<SetupInput> validator, TimeProvider time, SetupCode setupCode) : PageModel
{
    public const string WrongCode = "That setup code is not right. The app wrote it to its log when it started (\"one-time setup code\").";

    public bool AsksForCode => setupCode.IsRequired;

    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() =>
        await AccountSeeder.AdministratorExistsAsync(users) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await AccountSeeder.AdministratorExistsAsync(users))
        {
            return NotFound();
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        if (setupCode.IsRequired && !setupCode.TryUse(Input.SetupCode))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.SetupCode)}", WrongCode);
            return Page();
        }

        var result = await AccountSeeder.CreateAsync(
            users, Input.Email!, Input.Password!, Input.DisplayName!, UserRole.Administrator, time.UtcNow());
        if (!result.Succeeded)
        {
            if (setupCode.IsRequired)
            {
                setupCode.GiveBack(Input.SetupCode);
            }

            foreach (var error in result.Errors)
            {
                var field = error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password"
                    : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.Email"
                    : string.Empty;
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        await sessions.SignInAsync((await users.FindByEmailAsync(Input.Email!.Trim()))!, keepSignedIn: false);
        TempData.Flash("TrustAdvisor is set up, and you are signed in as its administrator.");
        return RedirectToPage("/Relationships/Index");
    }
}
