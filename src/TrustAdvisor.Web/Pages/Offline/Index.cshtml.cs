using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrustAdvisor.Web.Pages.Offline;

/// <summary>
/// The scores kept on this phone (read from the browser's storage by script), and the page the service worker shows
/// when a page is not kept for use without a connection. Open to anyone: it holds nothing from the server.
/// </summary>
public sealed class IndexModel(IAntiforgery antiforgery) : PageModel
{
    public void OnGet()
    {
    }

    /// <summary>
    /// Who is signed in, and a fresh anti-forgery token for them: the service worker asks before it sends the waiting
    /// scores, so an expired session or token holds them back instead of refusing them.
    /// </summary>
    public JsonResult OnGetSession()
    {
        Response.Headers.CacheControl = "no-store";
        var person = User.Identity?.IsAuthenticated == true ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        return new JsonResult(new OfflineSession(person, person is null ? null : antiforgery.GetAndStoreTokens(HttpContext).RequestToken));
    }
}

/// <summary>Who is signed in (null when nobody is) and an anti-forgery token for their posts.</summary>
public sealed record OfflineSession(string? Person, string? Token);
