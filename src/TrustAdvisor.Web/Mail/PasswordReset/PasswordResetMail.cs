using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Formatting;

using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Mail.PasswordReset;

/// <summary>
/// The email with a link to choose a new password: one per request (its key is the message's own id). The link is
/// sealed until delivery (MailSecrets): what the outbox keeps and Sent mail shows cannot be used.
/// </summary>
public static class PasswordResetMail
{
    public static async Task<OutboxMessage> ComposeAsync(
        MailRenderer renderer, MailSecrets secrets, Guid personId, string to, string name, Uri link, TimeSpan validFor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(secrets);
        var id = Guid.CreateVersion7();
        var duration = Display.Duration(validFor);
        var text = $"""
            Hello {name},

            Someone (we hope you) asked to choose a new password for TrustAdvisor. Open this link to do it:

            {link}

            The link works once, for {duration}. If you did not ask, ignore this email: your password stays as it is.
            """;
        var html = await renderer.RenderAsync<PasswordResetEmail>(new Dictionary<string, object?>
        {
            [nameof(PasswordResetEmail.Name)] = name,
            [nameof(PasswordResetEmail.Link)] = link,
            [nameof(PasswordResetEmail.Duration)] = duration,
        });
        var (sealedText, sealedHtml, sealedLink) = secrets.Seal(text, html, link.AbsoluteUri);
        return OutboxMessage.Compose(
            id, $"reset:{personId:N}:{id:N}", MailKind.PasswordReset, personId, to, "Choose a new TrustAdvisor password", sealedText, sealedHtml, nowUtc,
            sealedSecret: sealedLink);
    }
}
