using Microsoft.AspNetCore.Mvc;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// How the app is reached outside Development: TLS usually ends at a reverse proxy, so the app cannot always see that
/// a request came over HTTPS. Its cookies are therefore <c>Secure</c> and <c>__Host-</c>-prefixed whatever the request
/// looked like, HSTS is sent on every response (browsers ignore it over plain HTTP), and plain HTTP is redirected only
/// where <c>Security:RedirectToHttps</c> asks for it. Browsers accept Secure cookies from loopback over plain HTTP, so
/// the app keeps working on 127.0.0.1. In Development (`dotnet run` on http://localhost) cookies follow the request.
/// </summary>
internal static class Transport
{
    public const string RedirectSetting = "Security:RedirectToHttps";
    public const string HostPrefix = "__Host-";

    /// <summary>
    /// A cookie like <paramref name="template"/> (its SameSite, IsEssential, lifetime) with the app's name for it,
    /// HttpOnly, path /; outside Development Secure on every response and __Host-prefixed. Secure is set when the cookie
    /// is written rather than by SecurePolicy.Always, because antiforgery refuses a request that does not look like
    /// HTTPS under that policy, and behind an unlisted proxy or on loopback it does not.
    /// </summary>
    public static CookieBuilder Cookie(CookieBuilder template, string name, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(template);
        var development = environment.IsDevelopment();
        CookieBuilder cookie = development ? new CookieBuilder() : new AlwaysSecureCookie();
        cookie.Name = development ? name : HostPrefix + name;
        cookie.HttpOnly = true;
        cookie.Path = "/";
        cookie.SameSite = template.SameSite;
        cookie.IsEssential = template.IsEssential;
        cookie.Expiration = template.Expiration;
        cookie.MaxAge = template.MaxAge;
        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        return cookie;
    }

    /// <summary>The form tokens' cookie and the one-message (TempData) cookie, hardened like the session's.</summary>
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        // Where a redirect is asked for, it goes to the standard port unless HTTPS_PORT names another.
        services.AddHttpsRedirection(options => options.HttpsPort = configuration.GetValue<int?>("HTTPS_PORT") ?? 443);
        services.AddAntiforgery(options => options.Cookie = Cookie(options.Cookie, "TrustAdvisor.Antiforgery", environment));
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie = Cookie(options.Cookie, "TrustAdvisor.Message", environment));
        return services;
    }

    /// <summary>Redirects plain HTTP to HTTPS only where configured (a proxy usually does that, or terminates TLS).</summary>
    public static void UseHttpsWhereConfigured(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(RedirectSetting))
        {
            app.UseHttpsRedirection();
        }
    }

    /// <summary>HSTS outside Development, except for a loopback host (browsers would then insist on HTTPS for other local apps).</summary>
    public static bool SendsHsts(HttpContext context, IHostEnvironment environment) =>
        !environment.IsDevelopment() && !IsLoopback(context.Request.Host.Host);

    private static bool IsLoopback(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1" || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    private sealed class AlwaysSecureCookie : CookieBuilder
    {
        public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
        {
            var options = base.Build(context, expiresFrom);
            options.Secure = true;
            return options;
        }
    }
}
