using System.Text.Encodings.Web;
using Microsoft.AspNetCore.DataProtection;

namespace TrustAdvisor.Infrastructure.Mail;

/// <summary>
/// Seals a secret an email carries (a reset link) with the app's Data Protection keys while it waits in the outbox,
/// and puts it back into the message only when it is handed to the server or the pickup folder: what is stored and
/// shown (Sent mail, a database backup) never holds a usable link.
/// </summary>
public sealed class MailSecrets(IDataProtectionProvider protection)
{
    private const string Purpose = "TrustAdvisor.Outbox.Secret.v1";

    /// <summary>The bodies with the secret replaced by the placeholder, and the secret sealed.</summary>
    public (string Text, string Html, string Sealed) Seal(string text, string html, string secret)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(html);
        var sealedText = text.Replace(secret, OutboxMessage.SecretPlaceholder, StringComparison.Ordinal);
        var sealedHtml = html.Replace(HtmlEncoder.Default.Encode(secret), OutboxMessage.SecretPlaceholder, StringComparison.Ordinal)
            .Replace(secret, OutboxMessage.SecretPlaceholder, StringComparison.Ordinal);
        return (sealedText, sealedHtml, protection.CreateProtector(Purpose).Protect(secret));
    }

    /// <summary>The bodies as delivered: the secret back in its place (HTML-encoded in the HTML part).</summary>
    public (string Text, string Html) Unseal(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.SealedSecret is not { } sealedSecret)
        {
            return (message.TextBody, message.HtmlBody);
        }

        var secret = protection.CreateProtector(Purpose).Unprotect(sealedSecret);
        return (message.TextBody.Replace(OutboxMessage.SecretPlaceholder, secret, StringComparison.Ordinal),
            message.HtmlBody.Replace(OutboxMessage.SecretPlaceholder, HtmlEncoder.Default.Encode(secret), StringComparison.Ordinal));
    }
}
