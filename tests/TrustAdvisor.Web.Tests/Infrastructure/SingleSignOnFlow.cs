using System.Net;

namespace TrustAdvisor.Web.Tests.Infrastructure;

/// <summary>Single sign-on through <see cref="TestIdentityProvider"/> as a browser goes through it, for the HTTP-level tests.</summary>
public static class SingleSignOnFlow
{
    /// <summary>
    /// The whole sign-in as a browser does it: the app sends the visitor to the provider, they sign in there as
    /// <paramref name="email"/>, and the provider sends them back. <paramref name="tamper"/> may change the address the
    /// provider sends them back to. Returns that address and the app's last answer (a redirect into the app when signed in).
    /// </summary>
    public static async Task<(Uri Callback, HttpResponseMessage Answer)> SignInAsync(
        this TestIdentityProvider provider, HttpClient app, string email, bool verified = true, string? name = null, string? subject = null, Func<Uri, Uri>? tamper = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(app);
        var start = await app.SubmitAsync("/Account/SingleSignOn", new Dictionary<string, string?>());
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var toProvider = start.Headers.Location!;
        toProvider.GetLeftPart(UriPartial.Authority).ShouldBe(provider.Authority.GetLeftPart(UriPartial.Authority));

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        (await browser.GetAsync(toProvider)).StatusCode.ShouldBe(HttpStatusCode.OK); // the provider's login form
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = toProvider.PathAndQuery,
            ["email"] = email,
            ["name"] = name ?? "",
            ["verified"] = verified ? "true" : "false",
            ["subject"] = subject ?? "",
        });
        var signedIn = await browser.PostAsync(new Uri(provider.Authority, "login"), form);
        var authorized = await browser.GetAsync(new Uri(provider.Authority, signedIn.Headers.Location!.ToString()));
        authorized.StatusCode.ShouldBe(HttpStatusCode.Redirect, await authorized.Content.ReadAsStringAsync());
        var callback = authorized.Headers.Location!;
        callback = tamper?.Invoke(callback) ?? callback;

        var answer = await app.GetAsync(new Uri(callback.PathAndQuery, UriKind.Relative));
        while (answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location!.ToString().StartsWith("/Account/SingleSignOn", StringComparison.Ordinal))
        {
            answer = await app.GetAsync(answer.Headers.Location);
        }

        return (callback, answer);
    }
}
