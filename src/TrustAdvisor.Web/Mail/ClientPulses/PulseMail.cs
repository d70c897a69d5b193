using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Formatting;
using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Mail.ClientPulses;

/// <summary>
/// The emails of a pulse sent to the client: the ask, now, and one reminder held in the outbox until its day, which
/// answering, withdrawing, replacing the link or "Don't ask me again" cancels (<see cref="CancelReminderAsync"/>).
/// Both come from "the advisor via the firm" and reply to the advisor; the link is sealed in each until it is sent.
/// </summary>
public static class PulseMail
{
    public const int PersonalLineMaxLength = 500;

    /// <summary>What one emailed pulse says and where it goes.</summary>
    public sealed record Request(
        Guid PulseId, Guid RelationshipId, string ContactEmail, string ContactName, string AdvisorName, string AdvisorEmail,
        string FirmName, string? PersonalLine, Uri Link, Uri StopLink, DateOnly Until);

    public static string AskKey(Guid pulseId) => $"pulse:{pulseId:N}";

    public static string ReminderKey(Guid pulseId) => $"pulse-reminder:{pulseId:N}";

    /// <summary>The ask, and the reminder when <paramref name="remindAfter"/> is more than zero.</summary>
    public static async Task<IReadOnlyList<OutboxMessage>> ComposeAsync(
        MailRenderer renderer, MailSecrets secrets, Request request, TimeSpan remindAfter, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ask = await ComposeOneAsync(renderer, secrets, request, isReminder: false, nowUtc);
        return remindAfter > TimeSpan.Zero
            ? [ask, (await ComposeOneAsync(renderer, secrets, request, isReminder: true, nowUtc)).NotBefore(nowUtc + remindAfter)]
            : [ask];
    }

    /// <summary>The pulse's reminder is not to go: its link erased. Nothing to do when it went already or there is none.</summary>
    public static Task<int> CancelReminderAsync(TrustAdvisorDbContext db, Guid pulseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = ReminderKey(pulseId);
        return db.OutboxMessages.Where(m => m.Key == key && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, OutboxStatus.Cancelled).SetProperty(x => x.SealedSecret, (string?)null), cancellationToken);
    }

    /// <summary>
    /// Every reminder on its way for the relationship's open pulses is not to go (the contact asked not to be asked, or
    /// the relationship was archived, which closes its links). Reads past the query filter: the contact's own page has no viewer.
    /// </summary>
    public static async Task CancelRemindersOfAsync(TrustAdvisorDbContext db, Guid relationshipId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await db.Pulses.IgnoreQueryFilters().Where(p => p.RelationshipId == relationshipId && p.Status == PulseStatus.Open && p.SentByEmail)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var pulse in open)
        {
            await CancelReminderAsync(db, pulse, cancellationToken);
        }
    }

    private static async Task<OutboxMessage> ComposeOneAsync(MailRenderer renderer, MailSecrets secrets, Request r, bool isReminder, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(secrets);
        var subject = isReminder ? $"A reminder: {r.AdvisorName} would like your view" : $"{r.AdvisorName} would like your view";
        var until = Display.Date(r.Until);
        var personal = string.IsNullOrWhiteSpace(r.PersonalLine) ? string.Empty : $"{r.PersonalLine.Trim()}\n{r.AdvisorName}\n\n";
        var opening = isReminder
            ? $"A short reminder: {r.AdvisorName} at {r.FirmName} would still like to know"
            : $"{r.AdvisorName} at {r.FirmName} would like to know";
        var text = $"""
            Hello {r.ContactName},

            {personal}{opening} how working together feels from your side. Four short statements, a minute or two:

            {r.Link.AbsoluteUri}

            Who reads your answers: {r.AdvisorName} and their manager. Nobody else sees your comment.
            The link works until {until} and only for you. Replying to this email reaches {r.AdvisorName}.

            Don't ask me again: {r.StopLink.AbsoluteUri}
            """;
        var html = await renderer.RenderAsync<PulseEmail>(new Dictionary<string, object?>
        {
            [nameof(PulseEmail.Subject)] = subject,
            [nameof(PulseEmail.ContactName)] = r.ContactName,
            [nameof(PulseEmail.AdvisorName)] = r.AdvisorName,
            [nameof(PulseEmail.FirmName)] = r.FirmName,
            [nameof(PulseEmail.PersonalLine)] = string.IsNullOrWhiteSpace(r.PersonalLine) ? null : r.PersonalLine.Trim(),
            [nameof(PulseEmail.IsReminder)] = isReminder,
            [nameof(PulseEmail.Link)] = r.Link,
            [nameof(PulseEmail.Until)] = until,
            [nameof(PulseEmail.StopLink)] = r.StopLink,
        });
        var (sealedText, sealedHtml, sealedLink) = secrets.Seal(text, html, r.Link.AbsoluteUri);
        return OutboxMessage.Compose(
                Guid.CreateVersion7(), isReminder ? ReminderKey(r.PulseId) : AskKey(r.PulseId),
                isReminder ? MailKind.ClientPulseReminder : MailKind.ClientPulse, recipientId: null, r.ContactEmail, subject,
                sealedText, sealedHtml, nowUtc, r.StopLink, sealedLink)
            .From($"{r.AdvisorName} via {r.FirmName}", r.AdvisorEmail);
    }
}
