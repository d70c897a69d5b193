using System.Globalization;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;

using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Mail.AccountNotices;

/// <summary>
/// Tells a person by email when something happened to their account that they should know of, in case it was not
/// them: their password changed, or failed sign-ins locked it. These cannot be turned off, like a reset link.
/// </summary>
public sealed class SecurityNotices(TrustAdvisorDbContext db, MailOutbox outbox, MailRenderer renderer, Hosting.PublicAddress site, TimeProvider time)
{
    /// <summary>The password was changed; <paramref name="how"/> says by whom or how ("by you", "with an emailed link").</summary>
    public Task PasswordChangedAsync(AppUser person, string how, CancellationToken cancellationToken) => SendAsync(
        person, MailKind.PasswordChanged, "Your TrustAdvisor password was changed",
        $"Your TrustAdvisor password was changed {how} on {Now()} (UTC).",
        cancellationToken);

    /// <summary>Failed sign-ins from several places locked the account for <paramref name="lockedFor"/>.</summary>
    public Task AccountLockedAsync(AppUser person, TimeSpan lockedFor, CancellationToken cancellationToken) => SendAsync(
        person, MailKind.AccountLocked, "Your TrustAdvisor account is locked for a few minutes",
        $"After many failed sign-ins from several places, your TrustAdvisor account is locked for {Formatting.Display.Duration(lockedFor)} "
            + $"from {Now()} (UTC). Someone may be trying to guess your password.",
        cancellationToken);

    private string Now() => time.GetUtcNow().ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    private async Task SendAsync(AppUser person, MailKind kind, string subject, string what, CancellationToken cancellationToken)
    {
        if (person.Email is not { } to)
        {
            return;
        }

        var reset = site.For("Account/ForgotPassword");
        const string Advice = "If it was you, there is nothing to do. If not, choose a new password now and tell your administrator:";
        var text = $"""
            Hello {person.DisplayName},

            {what}

            {Advice}

            {reset}
            """;
        var html = await renderer.RenderAsync<AccountNoticeEmail>(new Dictionary<string, object?>
        {
            [nameof(AccountNoticeEmail.Subject)] = subject,
            [nameof(AccountNoticeEmail.Name)] = person.DisplayName,
            [nameof(AccountNoticeEmail.What)] = what,
            [nameof(AccountNoticeEmail.Advice)] = Advice,
            [nameof(AccountNoticeEmail.Reset)] = reset,
        });
        var id = time.NewId();
        db.OutboxMessages.Add(OutboxMessage.Compose(id, $"notice:{kind}:{person.Id:N}:{id:N}", kind, person.Id, to, subject, text, html, time.UtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await outbox.DeliverSoonAsync(cancellationToken);
    }
}
