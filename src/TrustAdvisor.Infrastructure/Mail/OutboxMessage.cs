namespace TrustAdvisor.Infrastructure.Mail;

/// <summary>What an email is for; each kind can be turned off by its recipient (except a password reset).</summary>
public enum MailKind
{
    PasswordReset,
    Reminder,
    WeeklyDigest,
    DropAlert,

    /// <summary>The person's password was changed (by them, by a reset link or by an administrator).</summary>
    PasswordChanged,

    /// <summary>Failed sign-ins from many places locked the person's account for a few minutes.</summary>
    AccountLocked,

    /// <summary>An administrator invited the person: a link to choose their password.</summary>
    Invitation,

    /// <summary>An administrator turned the person's two-factor sign-in off (reset), for them to set up again.</summary>
    TwoFactorReset,

    /// <summary>An authenticator code already used was given again within its validity: someone may have seen it.</summary>
    CodeReused,

    /// <summary>An advisor asks a client contact for their view: the pulse's link, from the advisor via the firm.</summary>
    ClientPulse,

    /// <summary>The one reminder of a client pulse still unanswered; cancelled when it is answered, withdrawn or replaced.</summary>
    ClientPulseReminder,

    /// <summary>A client meeting from the advisor's calendar has ended: a link to score it, once per meeting.</summary>
    MeetingPrompt,

    /// <summary>The person's calendar could not be read for a day: why, once per failing spell.</summary>
    CalendarFailing,
}

public enum OutboxStatus
{
    /// <summary>Waiting to be sent, now or at <see cref="OutboxMessage.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>Claimed by a sender until <see cref="OutboxMessage.ClaimedUntil"/>; pending again if that passes.</summary>
    Sending,

    Sent,

    /// <summary>Given up: the server refused the address, or every retry failed.</summary>
    Failed,

    /// <summary>Not to be sent any more (a client's reminder after they answered); its sealed secret is erased.</summary>
    Cancelled,
}

/// <summary>
/// One email, written in the same transaction as the decision to send it; a sender delivers it later. The key is
/// unique (one message per person, kind and period), so deciding twice stores it once.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 8;

    /// <summary>Where a sealed secret (a reset link) goes in the bodies; it is put in only when the message is delivered.</summary>
    public const string SecretPlaceholder = "{{sealed-link}}";

    /// <summary>What anyone reading the stored message sees instead of the secret.</summary>
    public const string HiddenSecret = "[link hidden: only the recipient receives it]";

    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }
    public string Key { get; private set; } = "";
    public MailKind Kind { get; private set; }
    public Guid? RecipientId { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? ClaimedUntil { get; private set; }
    public DateTime? SentAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>
    /// A secret only the recipient may see (a reset link), protected with Data Protection (MailSecrets) until the
    /// message is delivered, then erased; the bodies hold <see cref="SecretPlaceholder"/> in its place.
    /// </summary>
    public string? SealedSecret { get; private set; }

    /// <summary>The text as the app may show it to anyone but the recipient (Sent mail).</summary>
    public static string Shown(string body) => body.Replace(SecretPlaceholder, HiddenSecret, StringComparison.Ordinal);

    /// <summary>The one-click unsubscribe address of a message a person can turn off (RFC 8058); none for a password reset.</summary>
    public string? UnsubscribeUrl { get; private set; }

    /// <summary>The sender's name when not the app's own ("Ann Advisor via the firm" for a client's pulse).</summary>
    public string? FromName { get; private set; }

    /// <summary>Where a reply goes when not to the app's address (the advisor, for a client's pulse).</summary>
    public string? ReplyTo { get; private set; }

    /// <summary>Sent only once then has come (a client's reminder); <see cref="Compose"/> sends at once.</summary>
    public OutboxMessage NotBefore(DateTime whenUtc)
    {
        NextAttemptAt = whenUtc;
        return this;
    }

    /// <summary>From someone else than the app, replies to them.</summary>
    public OutboxMessage From(string name, string replyTo)
    {
        FromName = name;
        ReplyTo = replyTo;
        return this;
    }

    public static OutboxMessage Compose(
        Guid id, string key, MailKind kind, Guid? recipientId, string to, string subject, string textBody, string htmlBody, DateTime nowUtc,
        Uri? unsubscribe = null, string? sealedSecret = null) => new()
        {
            UnsubscribeUrl = unsubscribe?.AbsoluteUri,
            SealedSecret = sealedSecret,
            Id = id,
            Key = key,
            Kind = kind,
            RecipientId = recipientId,
            To = to,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            CreatedAt = nowUtc,
            Status = OutboxStatus.Pending,
            NextAttemptAt = nowUtc,
        };

    /// <summary>A copy to send as a sample: an id and key of its own, and "Sample:" before the subject.</summary>
    public OutboxMessage AsSample(Guid id, string key) =>
        Compose(id, key, Kind, RecipientId, To, $"Sample: {Subject}", TextBody, HtmlBody, CreatedAt, UnsubscribeUrl is null ? null : new Uri(UnsubscribeUrl));

    /// <summary>The wait after a failed attempt: 1, 2, 4 … minutes, at most an hour.</summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));
}
