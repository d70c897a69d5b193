using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Mail.Sending;

/// <summary>
/// One kind of email the schedule decides, in a folder of its own under Mail/: who may get it, when it is due, and
/// what it says. <see cref="ScheduledMailRun"/> walks every kind the same way (recipients, due, already decided,
/// compose, add once), and <see cref="MailSamples"/> composes the same email for a sample. A new kind is a class
/// implementing this, registered with <see cref="MailRegistration"/>.
/// </summary>
public interface IScheduledMail
{
    MailKind Kind { get; }

    /// <summary>Everyone this kind may go to: active, with an address, and not having turned it off.</summary>
    Task<IReadOnlyList<MailRecipient>> RecipientsAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken);

    /// <summary>The period due for the recipient at <paramref name="now"/> (its key makes it once), or null when none is.</summary>
    Task<MailPeriod?> DueAsync(TrustAdvisorDbContext db, MailRecipient recipient, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The period a sample shows at <paramref name="now"/>: what the real email would say about.</summary>
    MailPeriod SamplePeriod(MailRecipient recipient, DateTimeOffset now);

    /// <summary>What the email says about the period, or null when there is nothing to say (then nothing is sent).</summary>
    Task<MailContent?> ComposeAsync(TrustAdvisorDbContext db, MailRecipient recipient, MailPeriod period, MailLinks links, CancellationToken cancellationToken);
}

/// <summary>
/// A person an email may go to, with their mail settings (the defaults when they never saved any), and the team the
/// email is about: their own, or for a manager's email about another team they look after, that one (<paramref name="OtherTeam"/>).
/// </summary>
public sealed record MailRecipient(Guid Id, string Email, string Name, Guid? TeamId, string? Team, MailPreferences Preferences, bool OtherTeam = false)
{
    /// <summary>The recipient's today, in their own time zone.</summary>
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Preferences.Schedule().Zone).DateTime);
}

/// <summary>What one email covers: its outbox key (one email per key), its day in the recipient's zone, and the span of time it reports on.</summary>
public sealed record MailPeriod(string Key, DateOnly Day, DateTime SinceUtc, DateTime UntilUtc);

/// <summary>An email's words: the subject, the plain text part and the HTML part.</summary>
public sealed record MailContent(string Subject, string Text, string Html);

/// <summary>The links an email may carry: into the app, and the recipient's signed way out of this kind of email.</summary>
public sealed record MailLinks(Hosting.PublicAddress Site, Uri Unsubscribe)
{
    public Uri To(string path) => Site.For(path);
}
