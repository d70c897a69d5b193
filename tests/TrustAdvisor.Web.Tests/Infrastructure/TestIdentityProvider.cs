using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TrustAdvisor.Web.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider for the single sign-on tests: OpenIddict's server on a Kestrel port on loopback,
/// authorization code flow with PKCE required, its clients and codes in a SQLite file of its own (so a code works
/// once). Whoever signs in at its login form is who it vouches for. A test can make it misbehave (another issuer,
/// audience or nonce in the ID token) to see the app refuse the answer.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "trustadvisor-tests";
    public const string ClientSecret = "a-test-provider-secret-of-no-value";

    private readonly WebApplication _app;
    private readonly string _databasePath;

    private TestIdentityProvider(WebApplication app, string databasePath, Uri authority, Misbehaviour misbehaviour) =>
        (_app, _databasePath, Authority, Misbehaves) = (app, databasePath, authority, misbehaviour);

    /// <summary>The provider's issuer address, as the app is configured with it.</summary>
    public Uri Authority { get; }

    /// <summary>What the next ID tokens get wrong on purpose; null values leave them right.</summary>
    public Misbehaviour Misbehaves { get; }

    /// <summary>The app's settings for single sign-on through this provider.</summary>
    public IReadOnlyDictionary<string, string> AppSettings(params string[] allowedDomains)
    {
        var settings = new Dictionary<string, string>
        {
            ["SingleSignOn:Authority"] = Authority.ToString(),
            ["SingleSignOn:ClientId"] = ClientId,
            ["SingleSignOn:ClientSecret"] = ClientSecret,
            ["SingleSignOn:DisplayName"] = "Test Provider",
            ["SingleSignOn:RequireHttpsMetadata"] = "false",
        };
        for (var i = 0; i < allowedDomains.Length; i++)
        {
            settings[$"SingleSignOn:AllowedDomains:{i}"] = allowedDomains[i];
        }

        return settings;
    }

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"trustadvisor-test-provider-{Guid.NewGuid():N}.db");
        var misbehaviour = new Misbehaviour();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<ProviderDb>(options => options.UseSqlite($"Data Source={databasePath};Pooling=false").UseOpenIddict());
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "TestProvider.Session";
                options.LoginPath = "/login";
            });
        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                options.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
                options.AddEventHandler<OpenIddictServerEvents.ProcessSignInContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        if (context.IdentityTokenPrincipal is { } token)
                        {
                            misbehaviour.Apply(token);
                        }

                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1));
            });

        var app = builder.Build();
        app.UseAuthentication();
        app.MapPost("/login", (Func<HttpContext, Task<IResult>>)SignInAtProviderAsync);
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)AuthorizeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        }

        return new TestIdentityProvider(app, databasePath, new Uri(address + "/"), misbehaviour);
    }

    /// <summary>A provider started with <paramref name="app"/> registered as its client.</summary>
    public static async Task<TestIdentityProvider> StartForAsync(Uri app)
    {
        var provider = await StartAsync();
        await provider.RegisterClientAsync(app);
        return provider;
    }

    /// <summary>Registers the app as a client whose answers go back to <paramref name="app"/>'s callback.</summary>
    public async Task RegisterClientAsync(Uri app)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { new Uri(app, "signin-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        await manager.CreateAsync(descriptor);
    }

    /// <summary>The provider's login form, posted: the person it will vouch for (subject id from the email unless given).</summary>
    private static async Task<IResult> SignInAtProviderAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var email = form["email"].ToString();
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme);
        identity.AddClaim(new Claim(Claims.Subject, form["subject"] is { Count: > 0 } subject && subject != "" ? subject.ToString() : SubjectOf(email)));
        identity.AddClaim(new Claim(Claims.Email, email));
        identity.AddClaim(new Claim(Claims.EmailVerified, form["verified"] == "true" ? "true" : "false"));
        identity.AddClaim(new Claim(Claims.Name, form["name"].ToString() is { Length: > 0 } name ? name : email));
        identity.AddClaim(new Claim("sid", Guid.NewGuid().ToString("N")));
        await context.SignInAsync(new ClaimsPrincipal(identity));
        var back = form["returnUrl"].ToString();
        return Results.Redirect(back.StartsWith('/') ? back : "/");
    }

    public static string SubjectOf(string email) => "subject-" + email.ToUpperInvariant().GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var signedIn = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!signedIn.Succeeded)
        {
            return Results.Content(LoginForm(context.Request.Path + context.Request.QueryString), "text/html");
        }

        var person = signedIn.Principal!;
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.FindFirstValue(Claims.Subject))
            .SetClaim(Claims.Email, person.FindFirstValue(Claims.Email))
            .SetClaim(Claims.EmailVerified, person.FindFirstValue(Claims.EmailVerified) == "true")
            .SetClaim(Claims.Name, person.FindFirstValue(Claims.Name))
            .SetClaim("sid", person.FindFirstValue("sid"));
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static string LoginForm(string returnUrl) => $"""
        <!doctype html><html lang="en"><head><title>Test Provider</title></head><body>
        <h1>Test Provider</h1>
        <form method="post" action="/login">
          <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}">
          <label>Email <input name="email" type="email"></label>
          <label>Name <input name="name"></label>
          <label><input type="checkbox" name="verified" value="true" checked> Email verified</label>
          <button type="submit">Sign in at the provider</button>
        </form></body></html>
        """;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }

    /// <summary>What the provider gets wrong in its next ID tokens, as a test sets it.</summary>
    public sealed class Misbehaviour
    {
        public string? Issuer { get; set; }
        public string? Audience { get; set; }
        public string? Nonce { get; set; }

        public void Reset() => (Issuer, Audience, Nonce) = (null, null, null);

        internal void Apply(ClaimsPrincipal token)
        {
            if (Issuer is { } issuer)
            {
                token.SetClaim(Claims.Private.Issuer, issuer);
            }

            if (Audience is { } audience)
            {
                token.SetAudiences(audience);
            }

            if (Nonce is { } nonce)
            {
                token.SetClaim(Claims.Nonce, nonce);
            }
        }
    }

    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}
