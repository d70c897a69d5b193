using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Security;

internal static class Accounts
{
    public const int MinimumPasswordLength = 12;
    public const int MaximumPasswordLength = 128;
    public const string AdministratorsOnly = "AdministratorsOnly";
    public const string ManagersAndAdministrators = "ManagersAndAdministrators";
    public const string SessionCookie = "TrustAdvisor.Session";

    /// <summary>
    /// ASP.NET Core Identity with its EF Core stores in the app's database, a cookie sign-in, and a fallback policy
    /// that requires a signed-in person everywhere except where a page explicitly allows anonymous visitors.
    /// </summary>
    public static IServiceCollection AddTrustAdvisorAccounts(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IViewerAccessor, SignedInViewer>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<Sessions>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<AppUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): long passphrases, no forced symbols.
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // Failures are counted per account and address by PasswordCheck, which sets the lockout end itself.
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = true; // "confirmed" = active: see ActiveUserConfirmation
            })
            .AddUserStore<ProtectedUserStore>()
            .AddPasswordValidator<CommonPasswords>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneUseAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider)
            .AddTokenProvider<InvitationTokens>(Invitations.Provider)
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();
        services.AddScoped<TwoFactorSignIn>();
        services.AddScoped<Invitations>();
        services.AddOptions<InvitationTokenOptions>().Configure<IOptions<MailOptions>>((tokens, mail) =>
        {
            tokens.Name = Invitations.Provider;
            tokens.TokenLifespan = mail.Value.InvitationValidFor;
        });
        // "Remember this device" after a second factor: 30 days, then the code is asked again.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, cookie =>
        {
            cookie.ExpireTimeSpan = TwoFactorSignIn.RememberDeviceFor;
            cookie.Cookie = Transport.Cookie(cookie.Cookie, "TrustAdvisor.Device", environment);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
            cookie.Cookie = Transport.Cookie(cookie.Cookie, "TrustAdvisor.SecondStep", environment));
        services.AddScoped<IUserConfirmation<AppUser>, ActiveUserConfirmation>();
        // A password reset link (and any other emailed Identity token) expires after the configured time.
        services.AddOptions<DataProtectionTokenProviderOptions>()
            .Configure<IOptions<MailOptions>>((tokens, mail) => tokens.TokenLifespan = mail.Value.ResetLinkValidFor);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/SignIn";
            cookie.LogoutPath = "/Account/SignOut";
            cookie.AccessDeniedPath = "/Account/SignIn";
            cookie.Cookie = Transport.Cookie(cookie.Cookie, SessionCookie, environment);
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // The cookie lives as long as its session may (Sessions sets each one's end); the server ends it sooner
            // when it is idle, ended elsewhere or signed out (SessionCheck).
            cookie.ExpireTimeSpan = new SessionLimits().AbsoluteLifetime;
            cookie.SlidingExpiration = false;
            // Every request checks the session against the person's security stamp (SessionCheck), so deactivating
            // someone or resetting their password ends their sessions at once, not within Identity's 30 minutes.
            cookie.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            // A signed-in person who may not see a page learns nothing about it: the same 404 as a wrong address.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdministratorsOnly, policy => policy.RequireRole(nameof(UserRole.Administrator)))
            .AddPolicy(ManagersAndAdministrators, policy => policy.RequireRole(nameof(UserRole.Manager), nameof(UserRole.Administrator)));
        return services;
    }
}
