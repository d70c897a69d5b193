using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Web.Security.SingleSignOn;

/// <summary>Why a person the provider vouched for is not signed in to TrustAdvisor.</summary>
public enum SingleSignOnRefusal
{
    None,
    NoVerifiedEmail,
    NotInvited,
    NotActive,
}

public sealed record SingleSignOnMatch(AppUser? Person, SingleSignOnRefusal Refusal, ProviderSession? Provider)
{
    public static SingleSignOnMatch Refused(SingleSignOnRefusal why) => new(null, why, null);
}

/// <summary>
/// Who the provider's answer is in TrustAdvisor: the person it signed in before (by the provider's issuer and its
/// never-reused subject id), else the person with that email if the provider says it verified the address (then linked,
/// so a later change of address at the provider does not matter), else, for a domain on the configured list, a new
/// advisor in no team. Anyone else is refused: an account is never made for a stranger.
/// </summary>
public sealed class SingleSignOnAccounts(UserManager<AppUser> users, IOptions<SingleSignOnOptions> options, AuditTrail audit, TimeProvider time)
{
    public async Task<SingleSignOnMatch> MatchAsync(ClaimsPrincipal external)
    {
        ArgumentNullException.ThrowIfNull(external);
        if (external.FindFirst("sub") is not { } subject)
        {
            return SingleSignOnMatch.Refused(SingleSignOnRefusal.NotInvited);
        }

        var issuer = subject.Issuer;
        var person = await users.FindByLoginAsync(issuer, subject.Value);
        if (person is null)
        {
            var email = external.FindFirstValue("email")?.Trim();
            if (string.IsNullOrEmpty(email) || !HasVerifiedEmail(external))
            {
                return SingleSignOnMatch.Refused(SingleSignOnRefusal.NoVerifiedEmail);
            }

            person = await users.FindByEmailAsync(email) ?? await CreateIfAllowedAsync(external, email);
            if (person is null)
            {
                return SingleSignOnMatch.Refused(SingleSignOnRefusal.NotInvited);
            }

            if (!person.IsActive)
            {
                return SingleSignOnMatch.Refused(SingleSignOnRefusal.NotActive);
            }

            person.JoinedAt ??= time.UtcNow(); // saved with the link: an invited person has joined
            await users.AddLoginAsync(person, new UserLoginInfo(issuer, subject.Value, options.Value.DisplayName));
            await audit.RecordAsync(AuditKind.SingleSignOnLinked, person.Id, $"{person.Email} through {options.Value.DisplayName}");
        }
        else if (!person.IsActive)
        {
            return SingleSignOnMatch.Refused(SingleSignOnRefusal.NotActive);
        }

        return new SingleSignOnMatch(person, SingleSignOnRefusal.None, new ProviderSession(issuer, external.FindFirstValue("sid")));
    }

    /// <summary>
    /// The provider vouches for the address: OpenID Connect's <c>email_verified</c> (Google, Okta), or Microsoft Entra's
    /// <c>xms_edov</c> (the address's domain is verified by the tenant), which Entra sends when asked for it.
    /// </summary>
    public static bool HasVerifiedEmail(ClaimsPrincipal external) =>
        IsTrue(external?.FindFirstValue("email_verified")) || IsTrue(external?.FindFirstValue("xms_edov"));

    private static bool IsTrue(string? value) => value is not null && (bool.TryParse(value, out var flag) ? flag : value == "1");

    private async Task<AppUser?> CreateIfAllowedAsync(ClaimsPrincipal external, string email)
    {
        if (!options.Value.AllowsDomainOf(email))
        {
            return null;
        }

        var name = external.FindFirstValue("name")?.Trim() is { Length: > 0 } given ? given : email.Split('@')[0];
        var now = time.UtcNow();
        var person = new AppUser
        {
            Id = time.NewId(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name.Length > AppUser.DisplayNameMaxLength ? name[..AppUser.DisplayNameMaxLength] : name,
            Role = UserRole.Advisor,
            CreatedAt = now,
        };
        if (!(await users.CreateAsync(person)).Succeeded)
        {
            return null;
        }

        await audit.RecordAsync(AuditKind.PersonCreated, person.Id, $"{email}: an advisor in no team, at their first sign-in through {options.Value.DisplayName}");
        return person;
    }
}
