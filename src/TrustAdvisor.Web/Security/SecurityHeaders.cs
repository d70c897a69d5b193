using Microsoft.Extensions.Options;
using TrustAdvisor.Web.Security.SingleSignOn;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// Headers that tell browsers to refuse what the app never does: run scripts or styles from anywhere but itself
/// (there is no inline script or style attribute to allow), be framed, sniff content types, leak addresses to
/// other sites. On every response, pages, static files and errors alike; HSTS outside Development (Transport).
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, IHostEnvironment environment, IOptions<SingleSignOnOptions> singleSignOn)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// With single sign-on on, a form may lead to the provider (the sign-in button's post is answered by a redirect
    /// there, which browsers check against form-action), and the provider's single sign-out loads its address in a
    /// frame of the provider's own pages: only there. Both policies are made once, at start.
    /// </summary>
    private readonly (string Pages, string? SignOut) _policies = PoliciesFor(singleSignOn.Value);

    private static (string Pages, string? SignOut) PoliciesFor(SingleSignOnOptions singleSignOn)
    {
        if (!singleSignOn.IsOn || !Uri.TryCreate(singleSignOn.Authority, UriKind.Absolute, out var authority))
        {
            return (ContentSecurityPolicy, null);
        }

        var provider = authority.GetLeftPart(UriPartial.Authority);
        var pages = ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {provider}", StringComparison.Ordinal);
        return (pages, pages.Replace("frame-ancestors 'none'", $"frame-ancestors {provider}", StringComparison.Ordinal));
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (_policies.SignOut is { } signOutPolicy && context.Request.Path.Equals(SingleSignOnOptions.SignOutPath, StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = signOutPolicy;
            }
            else
            {
                headers.ContentSecurityPolicy = _policies.Pages;
                headers.XFrameOptions = "DENY";
            }

            if (ClientPages.IsClientPage(context))
            {
                // A client's link carries its secret: no other site may see it, and no search engine keep it.
                headers["Referrer-Policy"] = "no-referrer";
                headers["X-Robots-Tag"] = "noindex, nofollow";
            }
            else
            {
                headers["Referrer-Policy"] = "same-origin";
            }

            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (Transport.SendsHsts(context, environment))
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
