using System.ComponentModel.DataAnnotations;

namespace TrustAdvisor.Web.Security.SingleSignOn;

/// <summary>
/// Single sign-on through the firm's OpenID Connect provider (Microsoft Entra ID, Google Workspace, Okta:
/// docs/single-sign-on.md). Off unless an authority and a client id are configured.
/// </summary>
public sealed class SingleSignOnOptions : IValidatableObject
{
    public const string Section = "SingleSignOn";

    /// <summary>The authentication scheme, and the provider name its logins are kept under.</summary>
    public const string Scheme = "SingleSignOn";

    /// <summary>Where the provider sends the browser back with its code.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>Where the provider's single sign-out (front-channel logout) ends the sessions it signed in.</summary>
    public const string SignOutPath = "/signout-oidc";

    /// <summary>The provider's issuer address, whose discovery document names everything else.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The provider as people know it, on the sign-in button ("Sign in with Microsoft").</summary>
    public string DisplayName { get; set; } = "your firm's account";

    /// <summary>
    /// Email domains (firm.example) whose people get an account at their first sign-in: an advisor in no team until an
    /// administrator places them. Anyone else must be invited first.
    /// </summary>
    public IList<string> AllowedDomains { get; init; } = [];

    /// <summary>Off only for a provider on plain HTTP on the same machine (a test's); the installation check says so.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsOn => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>True when the address's domain is one whose people may get an account by signing in.</summary>
    public bool AllowsDomainOf(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        return at > 0 && AllowedDomains.Any(d => string.Equals(d.Trim().TrimStart('@'), email[(at + 1)..], StringComparison.OrdinalIgnoreCase));
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Authority) != string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("SingleSignOn:Authority and SingleSignOn:ClientId are set together, or neither (single sign-on off).");
        }

        if (!string.IsNullOrWhiteSpace(Authority) && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("SingleSignOn:Authority must be the provider's address, like https://login.microsoftonline.com/<tenant>/v2.0.");
        }
    }
}
