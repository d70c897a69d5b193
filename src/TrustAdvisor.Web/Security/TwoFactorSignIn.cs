using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// Sign-in in two steps for a person with two-factor on: the right password leaves a short-lived cookie that names
/// them (Identity's two-factor scheme, five minutes), and only the code turns it into a session. A device remembered
/// after a code skips the second step for <see cref="RememberDeviceFor"/>.
/// </summary>
public sealed class TwoFactorSignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users, Sessions sessions, IHttpContextAccessor http)
{
    public static readonly TimeSpan RememberDeviceFor = TimeSpan.FromDays(30);
    public const int RecoveryCodeCount = 10;
    private const string KeepSignedInClaim = "trustadvisor:keep-signed-in";

    /// <summary>True when the person must give a code before they are signed in; the second step is then started.</summary>
    public async Task<bool> StartIfNeededAsync(AppUser person, bool keepSignedIn)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (!person.TwoFactorEnabled || await signIn.IsTwoFactorClientRememberedAsync(person))
        {
            return false;
        }

        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, person.Id.ToString()));
        identity.AddClaim(new Claim(KeepSignedInClaim, keepSignedIn ? "true" : "false"));
        await http.HttpContext!.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
        return true;
    }

    /// <summary>The person whose password was right within the last minutes on this device, if any.</summary>
    public async Task<PendingSignIn?> PendingAsync()
    {
        var result = await http.HttpContext!.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (result.Principal?.FindFirstValue(ClaimTypes.Name) is not { } id || await users.FindByIdAsync(id) is not { } person
            || !person.TwoFactorEnabled)
        {
            return null;
        }

        return new PendingSignIn(person, result.Principal.FindFirstValue(KeepSignedInClaim) == "true");
    }

    /// <summary>Six digits (spaces ignored) are a code from the app; anything else is taken for a recovery code.</summary>
    public static bool IsAppCode(string code) =>
        Compact(code) is { Length: 6 } digits && digits.All(char.IsAsciiDigit);

    /// <summary>Checks a code of either kind: six digits from the app, or else one of the recovery codes (spent).</summary>
    public async Task<bool> VerifyAsync(AppUser person, string code) =>
        IsAppCode(code)
            ? await users.VerifyTwoFactorTokenAsync(person, TokenOptions.DefaultAuthenticatorProvider, Compact(code))
            : (await users.RedeemTwoFactorRecoveryCodeAsync(person, Compact(code))).Succeeded;

    private static string Compact(string code) => code.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();

    public async Task CompleteAsync(PendingSignIn pending, bool rememberDevice)
    {
        ArgumentNullException.ThrowIfNull(pending);
        await http.HttpContext!.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await sessions.SignInAsync(pending.Person, pending.KeepSignedIn);
        if (rememberDevice)
        {
            await signIn.RememberTwoFactorClientAsync(pending.Person);
        }
    }
}

public sealed record PendingSignIn(AppUser Person, bool KeepSignedIn);
