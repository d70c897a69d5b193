using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>Signing out is a POST (with anti-forgery), so a link or image elsewhere cannot sign anyone out.</summary>
public sealed class SignOutModel(Sessions sessions) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.SignOutAsync(); // ended on the server: a copy of the cookie no longer works anywhere
        // The browser's cached pages go too (the service worker's kept pages are forgotten by the page's script).
        Response.Headers["Clear-Site-Data"] = "\"cache\"";
        TempData.Flash("You are signed out.");
        return RedirectToPage("/Account/SignIn");
    }
}
