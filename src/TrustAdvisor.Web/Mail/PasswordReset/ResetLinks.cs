using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Mail.PasswordReset;

/// <summary>
/// A link to choose a new password, emailed to the person: asked for by them ("Forgot your password?") or sent by an
/// administrator, who never learns or sets the password themselves.
/// </summary>
public sealed class ResetLinks(
    UserManager<AppUser> users, TrustAdvisorDbContext db, MailSecrets secrets, MailRenderer renderer, IOptions<MailOptions> mail,
    Hosting.PublicAddress site, LinkGenerator links, TimeProvider time)
{
    /// <summary>Adds the email to the outbox; the caller saves it and asks the outbox to deliver.</summary>
    public async Task AddAsync(AppUser person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var token = await users.GeneratePasswordResetTokenAsync(person);
        // The configured address, never the request's Host header: anyone can ask for someone else's reset, and a
        // forged Host would otherwise send the victim a link (and its token) to the asker's server.
        var link = site.For(links.GetPathByPage("/Account/ResetPassword", values: new { person = person.Id, token })!);
        db.OutboxMessages.Add(await PasswordResetMail.ComposeAsync(
            renderer, secrets, person.Id, person.Email!, person.DisplayName, link, mail.Value.ResetLinkValidFor, time.GetUtcNow().UtcDateTime));
    }
}
