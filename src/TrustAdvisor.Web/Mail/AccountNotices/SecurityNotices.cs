using System.Globalization;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;

using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Mail.AccountNotices;

/// <summary>
/// Tells a person by email when something happened to their account that they should know of, in case it was not
/// them: their password changed, failed sign-ins locked it, their two-factor was reset, or a used code came again. These cannot be turned off, like a reset link.
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

    /// <summary>An administrator reset the person's two-factor sign-in: their password alone signs them in until they set it up again.</summary>
    public Task TwoFactorResetAsync(AppUser person, CancellationToken cancellationToken) => SendAsync(
        person, MailKind.TwoFactorReset, "Two-factor sign-in was turned off for your TrustAdvisor account",
        $"An administrator turned off two-factor sign-in for your TrustAdvisor account on {Now()} (UTC), as asked when a phone is lost. "
            + "Set it up again under Your settings.",
        cancellationToken);

    /// <summary>A code from the person's authenticator app was given a second time while still valid (ASVS 2.8.5).</summary>
    public Task CodeReusedAsync(AppUser person, CancellationToken cancellationToken) => SendAsync(
        person, MailKind.CodeReused, "A code from your authenticator app was used twice",
        $"On {Now()} (UTC) a code from your authenticator app that had just been used for your TrustAdvisor account was given "
            + "again, and refused. Someone may have seen your code and know your password.",
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
