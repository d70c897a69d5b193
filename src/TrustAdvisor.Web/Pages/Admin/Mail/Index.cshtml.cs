using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Admin.Mail;

/// <summary>
/// "Sent mail": every email the app decided to send, newest first, with whether it went, is waiting for a retry or
/// failed and why (administrators only, by the /Admin folder's policy). Without an SMTP server it also says where the
/// .eml files are.
/// </summary>
public sealed class IndexModel(TrustAdvisorDbContext db, MailTransport transport, IOptions<MailOptions> options, TimeProvider time) : PageModel
{
    public DateTime Now { get; } = time.UtcNow();

    public const int Shown = 200;

    public IReadOnlyList<Message> Messages { get; private set; } = [];

    public string? PickupDirectory => options.Value.UsesSmtp ? null : transport.PickupDirectory;

    public string? SmtpServer => options.Value.UsesSmtp ? $"{options.Value.SmtpHost}:{options.Value.SmtpPort}" : null;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Messages = await db.OutboxMessages
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(Shown)
            .Select(m => new Message(m.CreatedAt, m.Kind, m.To, m.Subject, m.Status, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError, m.TextBody))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    public sealed record Message(
        DateTime CreatedAt, MailKind Kind, string To, string Subject, OutboxStatus Status, int Attempts, DateTime NextAttemptAt, DateTime? SentAt,
        string? LastError, string TextBody);

    public static string Describe(MailKind kind) => kind switch
    {
        MailKind.PasswordReset => "Password reset link",
        MailKind.Reminder => "Reminder",
        MailKind.WeeklyDigest => "Weekly digest",
        MailKind.DropAlert => "Drop alert",
        MailKind.PasswordChanged => "Password changed",
        MailKind.AccountLocked => "Account locked",
        MailKind.Invitation => "Invitation",
        MailKind.TwoFactorReset => "Two-factor reset",
        MailKind.CodeReused => "Code used twice",
        MailKind.ClientPulse => "Client pulse",
        MailKind.ClientPulseReminder => "Client pulse reminder",
        MailKind.MeetingPrompt => "Meeting to score",
        MailKind.CalendarFailing => "Calendar not readable",
        _ => kind.ToString(),
    };
}
