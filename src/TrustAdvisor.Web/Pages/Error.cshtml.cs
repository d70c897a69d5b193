using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages;

/// <summary>Every error and status page: plain words, never a stack trace.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Heading => Status switch
    {
        400 => "That request could not be understood",
        404 => "Not found",
        405 => "That cannot be done here",
        429 => "Too many attempts",
        503 => "Temporarily unavailable",
        _ => "Something went wrong",
    };

    public string Explanation => Status switch
    {
        400 => "Nothing was saved. The form may have expired, been incomplete, or contained characters that cannot be sent. Go back, reload the page and try again.",
        404 => "There is nothing at this address. It may have been mistyped, or the link is out of date.",
        405 => "This page only shows information; nothing was saved. Go back and use the page's own buttons.",
        503 => "TrustAdvisor cannot reach its database at the moment, so nothing you just sent was saved. Wait a minute, then try again: your form is still in your browser if you go back.",
        429 => "There were too many sign-in attempts from your network in the last minute. Wait a minute, then try again.",
        _ => "The server could not finish this request. If you were saving, open the relationship's history to see whether it was stored before trying again.",
    };

    /// <summary>Quote this to an administrator: it is also in the log line of the failed request.</summary>
    public string Reference => HttpContext.TraceIdentifier;

    public void OnGet(int? status)
    {
        Status = status ?? HttpContext.Response.StatusCode;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error)
        {
            Status = DatabaseUnavailable.Is(error) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
            Response.StatusCode = Status;
            if (Status == StatusCodes.Status503ServiceUnavailable)
            {
                Response.Headers.RetryAfter = "30";
            }
        }
    }

    public void OnPost(int? status) => OnGet(status);
}
