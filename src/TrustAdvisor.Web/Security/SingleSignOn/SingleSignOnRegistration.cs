using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using TrustAdvisor.Infrastructure.Audit;

namespace TrustAdvisor.Web.Security.SingleSignOn;

/// <summary>
/// ASP.NET Core's OpenID Connect handler for the firm's provider: authorization code with PKCE, the ID token's
/// issuer, audience and nonce checked by the handler, the answer kept for minutes in Identity's external cookie until
/// <see cref="SingleSignOnAccounts"/> finds the person. Failures land on a page that says so, never on an error.
/// </summary>
internal static partial class SingleSignOnRegistration
{
    public const string ReturnPage = "/Account/SingleSignOn";

    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(SingleSignOnOptions.Section);
        services.AddOptions<SingleSignOnOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SingleSignOnAccounts>();
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, cookie =>
        {
            cookie.Cookie = Transport.Cookie(cookie.Cookie, "TrustAdvisor.External", environment);
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });

        var settings = section.Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        if (!settings.IsOn)
        {
            return services;
        }

        services.AddAuthentication().AddOpenIdConnect(SingleSignOnOptions.Scheme, settings.DisplayName, oidc =>
        {
            oidc.Authority = settings.Authority;
            oidc.ClientId = settings.ClientId;
            oidc.ClientSecret = settings.ClientSecret;
            oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            // The answer comes back in the address of a top-level navigation, so the correlation and nonce cookies can
            // be SameSite=Lax (a form post from the provider's site would need SameSite=None).
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.UsePkce = true;
            oidc.Scope.Clear();
            oidc.Scope.Add("openid");
            oidc.Scope.Add("profile");
            oidc.Scope.Add("email");
            oidc.MapInboundClaims = false;
            oidc.SaveTokens = false;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.SignInScheme = IdentityConstants.ExternalScheme;
            oidc.CallbackPath = SingleSignOnOptions.CallbackPath;
            oidc.RemoteSignOutPath = SingleSignOnOptions.SignOutPath;
            oidc.CorrelationCookie = Transport.Cookie(oidc.CorrelationCookie, "TrustAdvisor.Correlation.", environment);
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie = Transport.Cookie(oidc.NonceCookie, "TrustAdvisor.Nonce.", environment);
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.Events.OnRemoteFailure = FailedAsync;
            oidc.Events.OnRemoteSignOut = SingleSignOutAsync;
        });
        return services;
    }

    /// <summary>
    /// A refused answer (wrong issuer or audience, a nonce or state that does not match, a code used before, the person
    /// cancelling at the provider): audited, and the person sees a page that says sign-in did not complete.
    /// </summary>
    private static async Task FailedAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        var reason = context.Failure?.Message ?? "no reason given";
        LogRefused(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOnRegistration)), reason);
        await context.HttpContext.RequestServices.GetRequiredService<AuditTrail>()
            .RecordAsync(AuditKind.SignInFailed, null, $"single sign-on refused: {reason}");
        context.Response.Redirect($"{ReturnPage}?failed=true");
    }

    /// <summary>
    /// The provider's front-channel logout: it loads this address (in a frame) with its issuer and its session id, and
    /// every TrustAdvisor session that session signed in ends on the server. No cookie is needed, so a browser that
    /// keeps cookies from frames of another site still ends its session.
    /// </summary>
    private static async Task SingleSignOutAsync(RemoteSignOutContext context)
    {
        context.HandleResponse();
        context.Response.Headers.CacheControl = "no-cache, no-store";
        var issuer = context.ProtocolMessage?.Iss;
        var sessionId = context.ProtocolMessage?.Sid;
        var configuration = await context.Options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
        if (string.IsNullOrEmpty(sessionId) || issuer is null || !string.Equals(issuer, configuration.Issuer, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var services = context.HttpContext.RequestServices;
        var ended = await services.GetRequiredService<Sessions>().EndSignedInByProviderAsync(issuer, sessionId);
        foreach (var personId in ended)
        {
            await services.GetRequiredService<AuditTrail>().RecordAsync(AuditKind.SignedOutByProvider, personId, null);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
