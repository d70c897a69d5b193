using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Formatting;

namespace TrustAdvisor.Web.Mail;

/// <summary>
/// Alerts managers to sharp drops (T down by a fifth or more at one meeting, the overview's rule) in their team, at
/// most one email per manager per <see cref="Batch"/>: the alert's key is the manager and the quarter hour, and each
/// alert covers the scores recorded since the manager's previous one.
/// </summary>
public sealed class DropAlertRun(
    TrustAdvisorDbContext db, TimeProvider time, IOptions<MailOptions> options, UnsubscribeLinks unsubscribe)
{
    public static readonly TimeSpan Batch = TimeSpan.FromMinutes(15);

    public sealed record Drop(Guid RelationshipId, string Client, string? Owner, string? Author, DateOnly MeetingDate, TrustChange Change);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var quarter = new DateTime(now.Ticks - (now.Ticks % Batch.Ticks), DateTimeKind.Utc);
        var managers = await db.Users
            .Where(u => u.IsActive && u.Email != null && u.Role == UserRole.Manager && u.TeamId != null
                && !db.MailPreferences.Any(p => p.UserId == u.Id && !p.DropAlerts))
            .Select(u => new { u.Id, Email = u.Email!, u.DisplayName, TeamId = u.TeamId!.Value })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var added = 0;
        foreach (var manager in managers)
        {
            var key = $"alert:{manager.Id:N}:{quarter:yyyyMMdd'T'HHmm}";
            if (await OutboxDecisions.IsDecidedAsync(db, key, cancellationToken))
            {
                continue;
            }

            var since = await db.OutboxMessages.Where(m => m.RecipientId == manager.Id && m.Kind == MailKind.DropAlert)
                .MaxAsync(m => (DateTime?)m.CreatedAt, cancellationToken) ?? now - Batch;
            var drops = await DropsAsync(manager.TeamId, since, now, cancellationToken);
            if (drops.Count == 0)
            {
                continue;
            }

            var site = options.Value.PublicAddress;
            var message = Compose(manager.Id, key, manager.Email, manager.DisplayName, drops, site, unsubscribe.For(site, manager.Id, MailKind.DropAlert), now);
            if (await OutboxDecisions.AddOnceAsync(db, message, cancellationToken))
            {
                added++;
            }
        }

        return added;
    }

    /// <summary>A sample alert for a manager: the team's sharp drops of the last 30 days, or none when there were none.</summary>
    public async Task<OutboxMessage?> SampleAsync(Guid managerId, string to, string name, Guid teamId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var drops = await DropsAsync(teamId, now.AddDays(-30), now, cancellationToken);
        var site = options.Value.PublicAddress;
        return drops.Count == 0
            ? null
            : Compose(managerId, $"alert-sample:{managerId:N}", to, name, drops, site, unsubscribe.For(site, managerId, MailKind.DropAlert), now);
    }

    /// <summary>New scores (not corrections) recorded in the team after <paramref name="since"/> that fell sharply from the one before.</summary>
    private async Task<IReadOnlyList<Drop>> DropsAsync(Guid teamId, DateTime since, DateTime until, CancellationToken cancellationToken)
    {
        var recorded = await db.Assessments.IgnoreQueryFilters()
            .Where(a => a.SupersededAt == null && a.Revision == 1 && a.RecordedAt > since && a.RecordedAt <= until
                && db.Relationships.IgnoreQueryFilters().Any(r => r.Id == a.RelationshipId && r.TeamId == teamId && r.ArchivedAt == null))
            .Select(a => new
            {
                a.RelationshipId,
                a.MeetingDate,
                a.LineageId,
                a.Factors,
                Client = db.Relationships.IgnoreQueryFilters().Where(r => r.Id == a.RelationshipId).Select(r => r.ClientOrganisation).First(),
                Owner = db.Users.Where(u => db.Relationships.IgnoreQueryFilters().Any(r => r.Id == a.RelationshipId && r.OwnerId == u.Id))
                    .Select(u => u.DisplayName).FirstOrDefault(),
                Author = db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                Previous = db.Assessments.IgnoreQueryFilters()
                    .Where(p => p.RelationshipId == a.RelationshipId && p.SupersededAt == null
                        && (p.MeetingDate < a.MeetingDate || (p.MeetingDate == a.MeetingDate && p.LineageId.CompareTo(a.LineageId) < 0)))
                    .OrderByDescending(p => p.MeetingDate).ThenByDescending(p => p.LineageId)
                    .Select(p => (Guid?)p.Id)
                    .FirstOrDefault(),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var previousIds = recorded.Select(r => r.Previous).OfType<Guid>().ToList();
        var previous = await db.Assessments.IgnoreQueryFilters().Where(a => previousIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Factors })
            .ToDictionaryAsync(a => a.Id, a => a.Factors, cancellationToken);
        return recorded
            .Where(r => r.Previous is { } id && TrustChange.Between(previous[id], r.Factors).IsSharpDrop)
            .Select(r => new Drop(r.RelationshipId, r.Client, r.Owner, r.Author, r.MeetingDate, TrustChange.Between(previous[r.Previous!.Value], r.Factors)))
            .OrderBy(d => d.Change.Delta / d.Change.From)
            .ToList();
    }

    private static OutboxMessage Compose(
        Guid managerId, string key, string to, string name, IReadOnlyList<Drop> drops, Uri site, Uri unsubscribe, DateTime nowUtc)
    {
        var subject = drops.Count == 1 ? $"Sharp drop: {drops[0].Client}" : $"{drops.Count} sharp drops in your team";
        var text = new StringBuilder($"Hello {name},\n\n");
        var html = new StringBuilder($"<p>Hello {HtmlEncoder.Default.Encode(name)},</p><ul style=\"padding-left:18px\">");
        foreach (var drop in drops)
        {
            var percent = Math.Round(-drop.Change.Delta / drop.Change.From * 100, 0, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
            var line = $"{drop.Client} (owned by {drop.Owner}): down {percent}%. {drop.Change.Describe()} Meeting of {Display.Date(drop.MeetingDate)}, scored by {drop.Author}.";
            var page = new Uri(site, $"Relationships/Details/{drop.RelationshipId}");
            text.Append(CultureInfo.InvariantCulture, $"- {line}\n  {page.AbsoluteUri}\n");
            html.Append(CultureInfo.InvariantCulture, $"""<li style="margin:0 0 8px"><a href="{HtmlEncoder.Default.Encode(page.AbsoluteUri)}">{HtmlEncoder.Default.Encode(drop.Client)}</a>: {HtmlEncoder.Default.Encode(line[(drop.Client.Length + 1)..])}</li>""");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nStop these alerts: {unsubscribe.AbsoluteUri}\n");
        html.Append(CultureInfo.InvariantCulture, $"""</ul><p style="font-size:14px;color:#5b6470"><a href="{HtmlEncoder.Default.Encode(unsubscribe.AbsoluteUri)}">Stop these alerts</a>, or change them in your settings.</p>""");
        return OutboxMessage.Compose(
            Guid.CreateVersion7(), key, MailKind.DropAlert, managerId, to, subject, text.ToString(), MailHtml.Page(subject, html.ToString()), nowUtc, unsubscribe);
    }
}
