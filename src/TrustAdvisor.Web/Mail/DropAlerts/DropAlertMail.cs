using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Formatting;
using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Mail.DropAlerts;

/// <summary>
/// Alerts managers to sharp drops (T down by a fifth or more at one meeting, the overview's rule) in the teams they manage, at
/// most one email per manager per <see cref="Batch"/>: the alert's key is the manager and the quarter hour, and each
/// alert covers the scores recorded since the manager's previous one. A sample shows the team's sharp drops of the last 30 days.
/// </summary>
public sealed class DropAlertMail(IOptions<MailOptions> options, MailRenderer renderer) : IScheduledMail
{
    public static readonly TimeSpan Batch = TimeSpan.FromMinutes(15);

    public sealed record Drop(Guid RelationshipId, string Client, string? Owner, string? Author, DateOnly MeetingDate, TrustChange Change);

    public MailKind Kind => MailKind.DropAlert;

    public Task<IReadOnlyList<MailRecipient>> RecipientsAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken) =>
        MailRecipients.ListAsync(
            db,
            u => u.Role == UserRole.Manager && u.TeamId != null && !db.MailPreferences.Any(p => p.UserId == u.Id && !p.DropAlerts),
            options.Value.DefaultTimeZone,
            cancellationToken);

    public async Task<MailPeriod?> DueAsync(TrustAdvisorDbContext db, MailRecipient recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(recipient);
        var until = now.UtcDateTime;
        var quarter = new DateTime(until.Ticks - (until.Ticks % Batch.Ticks), DateTimeKind.Utc);
        var since = await db.OutboxMessages.Where(m => m.RecipientId == recipient.Id && m.Kind == MailKind.DropAlert)
            .MaxAsync(m => (DateTime?)m.CreatedAt, cancellationToken) ?? until - Batch;
        return new MailPeriod($"alert:{recipient.Id:N}:{quarter:yyyyMMdd'T'HHmm}", recipient.Today(now), since, until);
    }

    public MailPeriod SamplePeriod(MailRecipient recipient, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return new($"alert-sample:{recipient.Id:N}", recipient.Today(now), now.UtcDateTime.AddDays(-30), now.UtcDateTime);
    }

    public async Task<MailContent?> ComposeAsync(
        TrustAdvisorDbContext db, MailRecipient recipient, MailPeriod period, MailLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(period);
        if (recipient.TeamId is not { } team)
        {
            return null;
        }

        List<Guid> teams = [team, .. await ManagedTeam.OtherTeamsOfAsync(db, recipient.Id, cancellationToken)];
        var drops = await DropsAsync(db, teams, period.SinceUtc, period.UntilUtc, cancellationToken);
        return drops.Count == 0 ? null : await ComposeAsync(recipient.Name, drops, links);
    }

    /// <summary>New scores (not corrections) recorded in the teams after <paramref name="since"/> that fell sharply from the one before.</summary>
    private static async Task<IReadOnlyList<Drop>> DropsAsync(TrustAdvisorDbContext db, List<Guid> teamIds, DateTime since, DateTime until, CancellationToken cancellationToken)
    {
        var recorded = await db.Assessments
            .Where(a => a.SupersededAt == null && a.Revision == 1 && a.RecordedAt > since && a.RecordedAt <= until
                && db.Relationships.Any(r => r.Id == a.RelationshipId && r.TeamId != null && teamIds.Contains(r.TeamId.Value) && r.ArchivedAt == null))
            .Select(a => new
            {
                a.RelationshipId,
                a.MeetingDate,
                a.LineageId,
                a.Factors,
                Client = db.Relationships.Where(r => r.Id == a.RelationshipId).Select(r => r.Contact.Organisation.Name).First(),
                Owner = db.Users.Where(u => db.Relationships.Any(r => r.Id == a.RelationshipId && r.OwnerId == u.Id))
                    .Select(u => u.DisplayName).FirstOrDefault(),
                Author = db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                Previous = db.Assessments
                    .Where(p => p.RelationshipId == a.RelationshipId && p.SupersededAt == null
                        && (p.MeetingDate < a.MeetingDate || (p.MeetingDate == a.MeetingDate && p.LineageId.CompareTo(a.LineageId) < 0)))
                    .OrderByDescending(p => p.MeetingDate).ThenByDescending(p => p.LineageId)
                    .Select(p => (Guid?)p.Id)
                    .FirstOrDefault(),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var previousIds = recorded.Select(r => r.Previous).OfType<Guid>().ToList();
        var previous = await db.Assessments.Where(a => previousIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Factors })
            .ToDictionaryAsync(a => a.Id, a => a.Factors, cancellationToken);
        return recorded
            .Where(r => r.Previous is { } id && TrustChange.Between(previous[id], r.Factors).IsSharpDrop)
            .Select(r => new Drop(r.RelationshipId, r.Client, r.Owner, r.Author, r.MeetingDate, TrustChange.Between(previous[r.Previous!.Value], r.Factors)))
            .OrderBy(d => d.Change.Delta / d.Change.From)
            .ToList();
    }

    /// <summary>A drop as the email lists it: the client, their page, and the rest of the line.</summary>
    public sealed record Row(string Client, Uri Page, string Line);

    private async Task<MailContent> ComposeAsync(string name, IReadOnlyList<Drop> drops, MailLinks links)
    {
        var subject = drops.Count == 1 ? $"Sharp drop: {drops[0].Client}" : $"{drops.Count} sharp drops in your team";
        var rows = drops.Select(drop => new Row(
                drop.Client,
                links.To($"Relationships/Details/{drop.RelationshipId}"),
                $"(owned by {drop.Owner}): down {(-drop.Change.PercentChange).ToString(CultureInfo.InvariantCulture)}%. {drop.Change.Describe()} Meeting of {Display.Date(drop.MeetingDate)}, scored by {drop.Author}."))
            .ToList();
        var text = new StringBuilder($"Hello {name},\n\n");
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {row.Client} {row.Line}\n  {row.Page.AbsoluteUri}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nStop these alerts: {links.Unsubscribe.AbsoluteUri}\n");
        var html = await renderer.RenderAsync<DropAlertEmail>(new Dictionary<string, object?>
        {
            [nameof(DropAlertEmail.Subject)] = subject,
            [nameof(DropAlertEmail.Name)] = name,
            [nameof(DropAlertEmail.Rows)] = rows,
            [nameof(DropAlertEmail.Unsubscribe)] = links.Unsubscribe,
        });
        return new MailContent(subject, text.ToString(), html);
    }
}
