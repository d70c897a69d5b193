using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using TrustAdvisor.Infrastructure.Mail;

namespace TrustAdvisor.Web.Mail;

/// <summary>
/// The signed token of an unsubscribe link: whose and which kind of email, protected with the app's Data Protection
/// keys (kept in the database, so every instance reads every link). It does not expire: an old email's link must
/// still work. A changed or made-up token does not read, and then nothing happens.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("TrustAdvisor.Mail.Unsubscribe.v1");

    public Uri For(Uri site, Guid personId, MailKind kind)
    {
        ArgumentNullException.ThrowIfNull(site);
        var token = WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes($"{personId:N}.{kind}")));
        return new Uri(site, $"mail/unsubscribe/{token}");
    }

    public (Guid PersonId, MailKind Kind)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('.');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var person) && Enum.TryParse<MailKind>(parts[1], out var kind)
                ? (person, kind)
                : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
