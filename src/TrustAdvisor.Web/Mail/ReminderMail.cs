using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Formatting;

namespace TrustAdvisor.Web.Mail;

/// <summary>An advisor's reminder: each relationship to score, why, and a link straight to its score form.</summary>
public static class ReminderMail
{
    public sealed record Item(Guid RelationshipId, string Client, string Contact, string Why);

    public static string Key(Guid personId, DateOnly localDay) => $"reminder:{personId:N}:{Display.IsoDate(localDay)}";

    /// <summary>The person's active relationships past their review date with no meeting since, or not scored in <paramref name="staleDays"/>.</summary>
    public static async Task<IReadOnlyList<Item>> ItemsAsync(
        TrustAdvisorDbContext db, Guid personId, DateOnly today, int staleDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Relationships.IgnoreQueryFilters()
            .Where(r => r.OwnerId == personId && r.ArchivedAt == null)
            .Select(r => new
            {
                r.Id,
                r.ClientOrganisation,
                r.ContactName,
                r.NextReviewDate,
                Last = db.Assessments.IgnoreQueryFilters().Where(a => a.RelationshipId == r.Id && a.SupersededAt == null)
                    .Max(a => (DateOnly?)a.MeetingDate),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new
            {
                r,
                Why = Staleness.IsReviewOverdue(r.NextReviewDate, r.Last, today) ? $"review was due on {Display.Date(r.NextReviewDate)}"
                    : !Staleness.IsNotScoredLately(r.Last, today, staleDays) ? null
                    : r.Last is { } last ? $"not scored since {Display.Date(last)}"
                    : "never scored",
            })
            .Where(x => x.Why is not null)
            .OrderBy(x => x.r.NextReviewDate).ThenBy(x => x.r.ClientOrganisation, StringComparer.Ordinal)
            .Select(x => new Item(x.r.Id, x.r.ClientOrganisation, x.r.ContactName, x.Why!))
            .ToList();
    }

    public static OutboxMessage Compose(
        Guid personId, string to, string name, DateOnly day, IReadOnlyList<Item> items, Uri site, Uri unsubscribe, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(items);
        var subject = items.Count == 1 ? "1 relationship to score" : $"{items.Count.ToString(CultureInfo.InvariantCulture)} relationships to score";
        Uri Score(Item item) => new(site, $"Relationships/Score/{item.RelationshipId}");
        var settings = new Uri(site, "Account/Settings");
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Hello {name},\n\nThese relationships are waiting for a score after your next meeting:\n\n");
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>Hello {HtmlEncoder.Default.Encode(name)},</p><p>These relationships are waiting for a score after your next meeting:</p><ul style=\"padding-left:18px\">");
        foreach (var item in items)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {item.Client} ({item.Contact}): {item.Why}\n  Score it: {Score(item).AbsoluteUri}\n");
            html.Append(CultureInfo.InvariantCulture, $"""<li style="margin:0 0 12px"><strong>{HtmlEncoder.Default.Encode(item.Client)}</strong> ({HtmlEncoder.Default.Encode(item.Contact)}): {HtmlEncoder.Default.Encode(item.Why)}<br><a href="{HtmlEncoder.Default.Encode(Score(item).AbsoluteUri)}" style="display:inline-block;margin-top:4px;padding:8px 14px;background:#1f5fa8;color:#ffffff;border-radius:8px;text-decoration:none;font-weight:600">Score {HtmlEncoder.Default.Encode(item.Client)}</a></li>""");
        }

        ArgumentNullException.ThrowIfNull(unsubscribe);
        text.Append(CultureInfo.InvariantCulture, $"\nChange when you get this reminder: {settings.AbsoluteUri}\nStop these reminders: {unsubscribe.AbsoluteUri}\n");
        html.Append(CultureInfo.InvariantCulture, $"""</ul><p style="font-size:14px;color:#5b6470">Change when you get this reminder in <a href="{HtmlEncoder.Default.Encode(settings.AbsoluteUri)}">your settings</a>, or <a href="{HtmlEncoder.Default.Encode(unsubscribe.AbsoluteUri)}">stop these reminders</a>.</p>""");
        return OutboxMessage.Compose(
            Guid.CreateVersion7(), Key(personId, day), MailKind.Reminder, personId, to, subject, text.ToString(), MailHtml.Page(subject, html.ToString()), nowUtc,
            unsubscribe);
    }
}
