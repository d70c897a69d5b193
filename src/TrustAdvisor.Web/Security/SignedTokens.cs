using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// Short texts signed and encrypted with the app's Data Protection keys (kept in the database, so any instance reads
/// what another wrote), URL-safe, for the secret addresses sent out: unsubscribe links and calendar feeds. A changed
/// or made-up token does not read. They do not expire: an old email's link must keep working.
/// </summary>
public sealed class SignedTokens(IDataProtectionProvider protection)
{
    private const int MaxLength = 1000;

    public string Sign(string purpose, string payload) =>
        WebEncoders.Base64UrlEncode(protection.CreateProtector(purpose).Protect(Encoding.UTF8.GetBytes(payload)));

    /// <summary>The payload, or none for a token that was not signed by this app for this purpose.</summary>
    public string? Read(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(protection.CreateProtector(purpose).Unprotect(WebEncoders.Base64UrlDecode(token)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
