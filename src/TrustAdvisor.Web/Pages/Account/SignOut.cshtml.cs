using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>Signing out is a POST (with anti-forgery), so a link or image elsewhere cannot sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<AppUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Flash"] = "You are signed out.";
        return RedirectToPage("/Account/SignIn");
    }
}
