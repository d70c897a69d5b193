using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// Identity's authenticator (TOTP) token provider, with each code good for one use: a code accepted once is refused
/// for as long as it could still be valid, so a code seen over someone's shoulder or replayed from a form cannot sign
/// in a second time (ASVS 2.8.4).
/// </summary>
public sealed class OneUseAuthenticatorCodes(TimeProvider time, Mail.AccountNotices.SecurityNotices notices) : AuthenticatorTokenProvider<AppUser>
{
    private const string Provider = "[TrustAdvisor]";
    private const string LastCode = "LastAuthenticatorCode";

    /// <summary>Identity accepts the code of the current 30 seconds and of the one before and after it.</summary>
    private static readonly TimeSpan StillValid = TimeSpan.FromSeconds(90);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var code = (token ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await base.ValidateAsync(purpose, code, manager, user))
        {
            return false;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var hash = Convert.ToHexString(HMACSHA256.HashData(user.Id.ToByteArray(), Encoding.UTF8.GetBytes(code)));
        var last = (await manager.GetAuthenticationTokenAsync(user, Provider, LastCode))?.Split('|');
        if (last is [var lastHash, var lastAt] && lastHash == hash
            && now - long.Parse(lastAt, CultureInfo.InvariantCulture) < StillValid.TotalSeconds)
        {
            await notices.CodeReusedAsync(user, CancellationToken.None);
            return false;
        }

        await manager.SetAuthenticationTokenAsync(user, Provider, LastCode, string.Create(CultureInfo.InvariantCulture, $"{hash}|{now}"));
        return true;
    }
}
