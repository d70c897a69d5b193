using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Formatting;
using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Mail.Invitations;

/// <summary>The invitation email: one per invitation sent (its key is the message's own id); the link sealed until delivery.</summary>
public static class InvitationMail
{
    public static async Task<OutboxMessage> ComposeAsync(
        MailRenderer renderer, MailSecrets secrets, Guid personId, string to, string name, string invitedBy, Uri link, TimeSpan validFor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(secrets);
        var id = Guid.CreateVersion7();
        var duration = Display.Duration(validFor);
        var text = $"""
            Hello {name},

            {invitedBy} invited you to TrustAdvisor, where your firm keeps track of the trust in its client relationships.
            Open this link to choose your password:

            {link}

            The link works once, for {duration}. If you did not expect this, ignore this email: nothing happens until the link is used.
            """;
        var html = await renderer.RenderAsync<InvitationEmail>(new Dictionary<string, object?>
        {
            [nameof(InvitationEmail.Name)] = name,
            [nameof(InvitationEmail.InvitedBy)] = invitedBy,
            [nameof(InvitationEmail.Link)] = link,
            [nameof(InvitationEmail.Duration)] = duration,
        });
        var (sealedText, sealedHtml, sealedLink) = secrets.Seal(text, html, link.AbsoluteUri);
        return OutboxMessage.Compose(
            id, $"invitation:{personId:N}:{id:N}", MailKind.Invitation, personId, to, "You are invited to TrustAdvisor", sealedText, sealedHtml, nowUtc,
            sealedSecret: sealedLink);
    }
}
