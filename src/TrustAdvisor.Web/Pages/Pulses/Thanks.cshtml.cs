using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrustAdvisor.Web.Pages.Pulses;

/// <summary>After the client sent their answers; it names nobody, so it says nothing to whoever opens it later.</summary>
public sealed class ThanksModel : PageModel
{
    public void OnGet()
    {
    }
}
