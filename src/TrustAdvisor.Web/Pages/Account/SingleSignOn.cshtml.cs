using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Web.Security;
using TrustAdvisor.Web.Security.SingleSignOn;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>
/// Single sign-on: a POST here sends the browser to the firm's provider; the provider's answer comes back (through the
/// handler at /signin-oidc) to the Return handler, which signs the person in, or says why not.
/// </summary>
public sealed class SingleSignOnModel(
    IOptions<SingleSignOnOptions> options, SingleSignOnAccounts accounts, Sessions sessions, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set by the handler when the provider's answer was refused (SingleSignOnRegistration).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Failed { get; set; }

    /// <summary>Asks the provider to ask for the person's credentials again (prompt=login), to confirm before a sensitive action.</summary>
    [BindProperty]
    public bool Again { get; set; }

    public string ProviderName => options.Value.DisplayName;

    /// <summary>Why the person is not signed in, in words; null when nothing went wrong.</summary>
    public string? Problem { get; private set; }

    /// <summary>Without single sign-on configured the page does not exist.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.Value.IsOn)
        {
            context.Result = NotFound();
        }
    }

    public void OnGet() => Problem = Failed ? Describe(null) : null;

    public IActionResult OnPost()
    {
        var back = Url.Page("/Account/SingleSignOn", "Return", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        var properties = new AuthenticationProperties { RedirectUri = back };
        if (Again)
        {
            properties.Parameters["prompt"] = "login";
        }

        return Challenge(properties, SingleSignOnOptions.Scheme);
    }

    public async Task<IActionResult> OnGetReturnAsync()
    {
        var answer = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme); // used once
        var match = answer.Principal is { } external ? await accounts.MatchAsync(external) : null;
        if (match?.Person is not { } person)
        {
            Problem = Describe(match?.Refusal);
            if (match is not null)
            {
                await audit.RecordAsync(AuditKind.SignInFailed, null, $"single sign-on: {match.Refusal}");
            }

            return Page();
        }

        await sessions.SignInAsync(person, keepSignedIn: false, match.Provider);
        await audit.RecordAsync(AuditKind.SignInSucceeded, person.Id, $"{person.Email} (single sign-on)");
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private string Describe(SingleSignOnRefusal? refusal) => refusal switch
    {
        SingleSignOnRefusal.NoVerifiedEmail =>
            $"{ProviderName} did not confirm an email address for your account, so TrustAdvisor cannot tell who you are. Ask your administrator.",
        SingleSignOnRefusal.NotInvited =>
            $"Your {ProviderName} account has no place in TrustAdvisor yet. Ask an administrator to invite you, then sign in again.",
        SingleSignOnRefusal.NotActive => "Your TrustAdvisor account is not active. Ask your administrator.",
        _ => $"Signing in with {ProviderName} did not complete, so you are not signed in. Try again; if it keeps failing, tell your administrator.",
    };
}
