using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// Every page a visitor without an account may open, why, and the rate limit it has. The app's conventions are made
/// from this list alone; the authorization matrix and docs/security.md are tested to name the same pages. Besides
/// pages, only the static files and the health endpoints need no account.
/// </summary>
public static class AnonymousPages
{
    /// <param name="Page">The Razor page.</param>
    /// <param name="Why">What a visitor without an account does there.</param>
    /// <param name="RateLimit">The rate limiter policy, if any: per client address.</param>
    public sealed record AnonymousPage(string Page, string Why, string? RateLimit);

    public static IReadOnlyList<AnonymousPage> All { get; } =
    [
        new("/Account/SignIn", "signing in", SignInRateLimit.Policy),
        new("/Account/SignInCode", "the second step of signing in, after the password (two-factor)", SignInRateLimit.Policy),
        new("/Account/SingleSignOn", "signing in through the firm's single sign-on provider, and its answer", SignInRateLimit.Policy),
        new("/Account/ForgotPassword", "asking for a reset link", SignInRateLimit.Policy),
        new("/Account/ResetPassword", "choosing a password through a reset link", SignInRateLimit.Policy),
        new("/Account/Invitation", "joining through an invitation's link: choosing one's password", SignInRateLimit.Policy),
        new("/Setup/Index", "the first administrator, once (with the setup code outside Development)", SignInRateLimit.Policy),
        new("/Pulses/Answer", "the client answering through their link", ClientPages.Policy),
        new("/Pulses/Thanks", "the client's thanks after answering", ClientPages.Policy),
        new("/Pulses/Stop", "the client saying \"Don't ask me again\" through the signed link of an emailed pulse", ClientPages.Policy),
        new("/Mail/Unsubscribe", "stopping a kind of email through its signed link", null),
        new("/Calendar/Feed", "a calendar program reading the review dates at their secret address", null),
        new("/Offline/Index", "the scores kept on this phone (nothing from the server)", null),
        new("/Offline/ServiceWorker", "the script that keeps pages for use without a connection", null),
        new("/Error", "the error pages", null),
    ];

    public static void Allow(PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        foreach (var page in All)
        {
            conventions.AllowAnonymousToPage(page.Page);
            if (page.RateLimit is { } policy)
            {
                conventions.AddPageApplicationModelConvention(page.Page, model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy)));
            }
        }
    }
}
