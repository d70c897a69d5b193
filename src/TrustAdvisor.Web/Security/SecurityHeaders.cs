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
    /// <summary>
    /// With single sign-on on, a form may lead to the provider (the sign-in button's post is answered by a redirect
    /// there, which browsers check against form-action), and the provider's single sign-out loads its address in a
    /// frame of the provider's own pages: only there.
    /// </summary>
    private readonly string? _providerOrigin = singleSignOn.Value.IsOn && Uri.TryCreate(singleSignOn.Value.Authority, UriKind.Absolute, out var authority)
        ? authority.GetLeftPart(UriPartial.Authority)
        : null;

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private string Policy => _providerOrigin is null
        ? ContentSecurityPolicy
        : ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {_providerOrigin}", StringComparison.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (_providerOrigin is not null && context.Request.Path.Equals(SingleSignOnOptions.SignOutPath, StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = Policy.Replace("frame-ancestors 'none'", $"frame-ancestors {_providerOrigin}", StringComparison.Ordinal);
            }
            else
            {
                headers.ContentSecurityPolicy = Policy;
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
