using FluentValidation;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.CalendarReading;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Hosting;
using TrustAdvisor.Web.Mail.Sending;
using TrustAdvisor.Web.Pages.Import;
using TrustAdvisor.Web.Security;
using TrustAdvisor.Web.Security.SingleSignOn;

if (args is [HealthEndpoints.ProbeArgument])
{
    return await HealthEndpoints.ProbeAsync();
}

var builder = WebApplication.CreateBuilder(args);

builder.AddTrustAdvisorLogging();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddTrustAdvisorDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddKeysInDatabase(builder.Configuration);
builder.Services.AddTrustAdvisorAccounts(builder.Environment);
builder.Services.AddSingleSignOn(builder.Configuration, builder.Environment);
builder.Services.AddTransportSecurity(builder.Environment, builder.Configuration);
builder.Services.AddOptions<TrustAdvisor.Web.Pages.Recovery.RecoveryOptions>().Bind(builder.Configuration.GetSection(TrustAdvisor.Web.Pages.Recovery.RecoveryOptions.Section));
builder.Services.AddOptions<SessionLimits>().Bind(builder.Configuration.GetSection(SessionLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
// Singletons, as before: building a validator's rules on every request was a measurable part of a scoring post's CPU.
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
builder.Services.AddTrustAdvisorTelemetry(builder.Configuration);
builder.Services.AddMemoryCache();
builder.Services.AddSignInRateLimit(builder.Configuration);
builder.Services.AddSingleton<SetupCode>();
builder.Services.AddScoped<PasswordCheck>();
builder.Services.AddScoped<TrustAdvisor.Web.Pages.Admin.Installation.InstallationChecks>();
builder.Services.AddSingleton<SecretPaths>();
builder.Services.AddSingleton<SignedTokens>();
// The calendar feed: review dates for calendar programs, at a signed address (Pages/Calendar).
builder.Services.AddSingleton<TrustAdvisor.Web.Pages.Calendar.CalendarLinks>();
builder.Services.AddClientPages(builder.Configuration);
builder.Services.AddImport(builder.Configuration);
builder.Services.AddCalendarReading(builder.Configuration);
builder.Services.AddTrustAdvisorMail(builder.Configuration);
builder.Services.AddReverseProxySupport(builder.Configuration);
builder.Services.AddHealthChecks().AddDbContextCheck<TrustAdvisorDbContext>(tags: [HealthEndpoints.ReadyTag]);
builder.Services
    .AddRazorPages(options =>
    {
        options.Conventions.AddPageRoute("/Overview/Index", "");
        AnonymousPages.Allow(options.Conventions);
        ClientPages.Add(options.Conventions);
        options.Conventions.AuthorizeFolder("/Admin", Accounts.AdministratorsOnly);
        options.Conventions.AuthorizeFolder("/TeamDashboard", Accounts.ManagersAndAdministrators);
        options.Conventions.AuthorizeFolder("/Import", Accounts.ManagersAndAdministrators);
    })
    .AddMvcOptions(options =>
    {
        BindingMessages.Configure(options.ModelBindingMessageProvider);
        options.Filters.Add<RequireHandlerFilter>();
        options.Filters.Add<TwoFactorSetUpFirst>();
        options.Filters.Add<ConfirmFirst>();
    });

var app = builder.Build();

await app.Services.InitialiseDatabaseAsync();
app.LogKeyProtection();
app.LogInstallationWarnings();
await app.Services.GetRequiredService<SetupCode>().IssueIfNeededAsync(app.Services);

app.UseForwardedHeaders();
app.UseHttpsWhereConfigured();
app.UseMiddleware<SecurityHeaders>();
// Outside the error pages, so its line has the status the person got and the reference the error page showed.
app.UseTrustAdvisorRequestLogging();
app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapStaticAssets().AllowAnonymous();
app.MapTrustAdvisorHealthEndpoints();
app.MapDemoCalendar();
app.MapRazorPages().WithStaticAssets();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
