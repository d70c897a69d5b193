using System.Text.Encodings.Web;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Pages.Account;

namespace TrustAdvisor.Web.Mail;

/// <summary>The email with a link to choose a new password: one per request (its key is the message's own id).</summary>
internal static class PasswordResetMail
{
    public static OutboxMessage Compose(Guid personId, string to, string name, Uri link, DateTime nowUtc)
    {
        var id = Guid.CreateVersion7();
        var hours = (int)ResetPasswordModel.LinkValidFor.TotalHours;
        var text = $"""
            Hello {name},

            Someone (we hope you) asked to choose a new password for TrustAdvisor. Open this link to do it:

            {link}

            The link works once, for {hours} hours. If you did not ask, ignore this email: your password stays as it is.
            """;
        var html = MailHtml.Page(
            "Choose a new password",
            $"""
            <p>Hello {HtmlEncoder.Default.Encode(name)},</p>
            <p>Someone (we hope you) asked to choose a new password for TrustAdvisor.</p>
            {MailHtml.Button(link, "Choose a new password")}
            <p>The link works once, for {hours} hours. If you did not ask, ignore this email: your password stays as it is.</p>
            """);
        return OutboxMessage.Compose(id, $"reset:{personId:N}:{id:N}", MailKind.PasswordReset, personId, to, "Choose a new TrustAdvisor password", text, html, nowUtc);
    }
}
