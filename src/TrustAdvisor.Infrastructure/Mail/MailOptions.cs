using System.ComponentModel.DataAnnotations;
using TrustAdvisor.Domain.Trends;

namespace TrustAdvisor.Infrastructure.Mail;

/// <summary>
/// How email leaves the app (section "Mail"). With an SMTP host, through that server; without one (the embedded
/// default), each message is written as an .eml file to <see cref="PickupDirectory"/>.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;

    /// <summary>
    /// TLS to the SMTP server, required unless "None" is set explicitly (then the app warns at start): "Auto" (TLS on
    /// connect on port 465, STARTTLS on any other), "SslOnConnect" or "StartTls". MailKit's "StartTlsWhenAvailable"
    /// would fall back to plain text without a word, so it is refused.
    /// </summary>
    [RegularExpression("^(None|Auto|SslOnConnect|StartTls)$",
        ErrorMessage = "Mail:Security must be Auto, SslOnConnect, StartTls or None (plain text, only where the server is on the same machine or network).")]
    public string Security { get; set; } = "Auto";

    /// <summary>How the connection to the SMTP server is secured (<see cref="Security"/>).</summary>
    public MailKit.Security.SecureSocketOptions SocketOptions => Security switch
    {
        "None" => MailKit.Security.SecureSocketOptions.None,
        "SslOnConnect" => MailKit.Security.SecureSocketOptions.SslOnConnect,
        "StartTls" => MailKit.Security.SecureSocketOptions.StartTls,
        _ => SmtpPort == 465 ? MailKit.Security.SecureSocketOptions.SslOnConnect : MailKit.Security.SecureSocketOptions.StartTls,
    };

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "trustadvisor@localhost";
    public string FromName { get; set; } = "TrustAdvisor";

    /// <summary>Where the .eml files go without an SMTP host; relative to the app's content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    /// <summary>The address people open the app at, for the links in emails and the calendar address (e.g. https://trust.example.com).</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>How often the sender looks for mail due (a message is also sent as soon as it is decided).</summary>
    public int DeliveryIntervalSeconds { get; set; } = 30;

    /// <summary>How often the reminders due are looked for, in minutes; 0 turns the reminders off for the whole app.</summary>
    public int ReminderCheckMinutes { get; set; } = 5;

    /// <summary>A relationship not scored in this many days is in the reminder (as on the dashboard).</summary>
    public int ReminderStaleDays { get; set; } = Staleness.DefaultNotScoredDays;

    /// <summary>The day of the managers' weekly digest (in each manager's own zone), about the seven days before it.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>The time of day, on <see cref="DigestDay"/> in each manager's zone, from which the digest is sent.</summary>
    public TimeOnly DigestTime { get; set; } = new(8, 0);

    /// <summary>How long an emailed password reset link works (Identity's token lifespan); once, within this time.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ResetLinkValidFor { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long an invitation's link works; once, within this time.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan InvitationValidFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A calendar address no calendar has read for this many days stops working (renewing makes a new one); 0: never.</summary>
    [Range(0, 3650)]
    public int CalendarExpiresAfterDaysUnused { get; set; } = 90;

    /// <summary>The time zone of a person who has not chosen theirs (an IANA id).</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);
}
