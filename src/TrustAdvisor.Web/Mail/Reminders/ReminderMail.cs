using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Formatting;
using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Mail.Reminders;

/// <summary>
/// An advisor's reminder: each relationship to score, why (<see cref="Staleness"/>), and a link straight to its score
/// form; then the promises to their clients due today or overdue, each with a link that opens it ready to mark kept. Due once a local day or week at the person's time (<see cref="Domain.Reminders.ReminderSchedule"/>), for
/// everyone who owns an active relationship; nothing is sent when there is nothing to say.
/// </summary>
public sealed class ReminderMail(IOptions<MailOptions> options, MailRenderer renderer) : IScheduledMail
{
    public sealed record Item(Guid RelationshipId, string Client, string Contact, string Why);

    /// <summary>A step of an open recovery plan that the person owns, due by the reminder's day.</summary>
    public sealed record DueStep(Guid PlanId, string Client, string What, DateOnly DueOn, bool IsOverdue);

    /// <summary>An open promise due by the reminder's day, on one of the person's relationships.</summary>
    public sealed record DueCommitment(Guid Id, string Client, string Promise, DateOnly DueOn, bool IsOverdue);

    public MailKind Kind => MailKind.Reminder;

    public static string Key(Guid personId, DateOnly localDay) => $"reminder:{personId:N}:{Display.IsoDate(localDay)}";

    public Task<IReadOnlyList<MailRecipient>> RecipientsAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken) =>
        MailRecipients.ListAsync(
            db,
            u => db.Relationships.Any(r => r.OwnerId == u.Id && r.ArchivedAt == null) || db.RecoverySteps.Any(s => s.OwnerId == u.Id && s.DoneOn == null),
            options.Value.DefaultTimeZone,
            cancellationToken);

    public Task<MailPeriod?> DueAsync(TrustAdvisorDbContext db, MailRecipient recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return Task.FromResult(recipient.Preferences.Schedule().DueOn(now) is { } day ? Period(recipient, day, now) : null);
    }

    public MailPeriod SamplePeriod(MailRecipient recipient, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return Period(recipient, recipient.Today(now), now);
    }

    public async Task<MailContent?> ComposeAsync(
        TrustAdvisorDbContext db, MailRecipient recipient, MailPeriod period, MailLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(period);
        var items = await ItemsAsync(db, recipient.Id, period.Day, options.Value.ReminderStaleDays, cancellationToken);
        var commitments = await CommitmentsDueAsync(db, recipient.Id, period.Day, cancellationToken);
        var steps = await StepsDueAsync(db, recipient.Id, period.Day, cancellationToken);
        return items.Count == 0 && commitments.Count == 0 && steps.Count == 0 ? null : await ComposeAsync(recipient.Name, new Due(items, commitments, steps), links);
    }

    private static MailPeriod Period(MailRecipient recipient, DateOnly day, DateTimeOffset now) =>
        new(Key(recipient.Id, day), day, now.UtcDateTime, now.UtcDateTime);

    /// <summary>The person's active relationships past their review date with no meeting since, or not scored in <paramref name="staleDays"/>.</summary>
    private static async Task<IReadOnlyList<Item>> ItemsAsync(
        TrustAdvisorDbContext db, Guid personId, DateOnly today, int staleDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Relationships
            .Where(r => r.OwnerId == personId && r.ArchivedAt == null)
            .Select(r => new
            {
                r.Id,
                ClientOrganisation = r.Contact.Organisation.Name,
                ContactName = r.Contact.Name,
                r.NextReviewDate,
                Last = db.Assessments.Where(a => a.RelationshipId == r.Id && a.SupersededAt == null)
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

    /// <summary>The person's open promises due on or before <paramref name="today"/>, on their active relationships; the earliest first.</summary>
    private static async Task<IReadOnlyList<DueCommitment>> CommitmentsDueAsync(
        TrustAdvisorDbContext db, Guid personId, DateOnly today, CancellationToken cancellationToken) =>
        await db.Commitments
            .Where(c => c.Status == CommitmentStatus.Open && c.DueOn <= today
                && db.Relationships.Any(r => r.Id == c.RelationshipId && r.OwnerId == personId && r.ArchivedAt == null))
            .OrderBy(c => c.DueOn).ThenBy(c => c.CreatedAt)
            .Select(c => new DueCommitment(
                c.Id,
                db.Relationships.Where(r => r.Id == c.RelationshipId).Select(r => r.Contact.Organisation.Name).First(),
                c.Promise,
                c.DueOn,
                c.DueOn < today))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    /// <summary>The person's steps of active plans, not done and due on or before <paramref name="today"/>, on active relationships.</summary>
    private static async Task<IReadOnlyList<DueStep>> StepsDueAsync(TrustAdvisorDbContext db, Guid personId, DateOnly today, CancellationToken cancellationToken) =>
        await db.RecoverySteps
            .Where(s => s.OwnerId == personId && s.DoneOn == null && s.DueOn <= today)
            .Join(db.RecoveryPlans.Where(p => p.Status == RecoveryPlanStatus.Draft || p.Status == RecoveryPlanStatus.Open), s => s.PlanId, p => p.Id, (s, p) => new { s, p })
            .Join(db.Relationships.Where(r => r.ArchivedAt == null), x => x.p.RelationshipId, r => r.Id, (x, r) => new { x.s, x.p, Client = r.Contact.Organisation.Name })
            .OrderBy(x => x.s.DueOn)
            .Select(x => new DueStep(x.p.Id, x.Client, x.s.What, x.s.DueOn, x.s.DueOn < today))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    /// <summary>Everything due for one person: relationships to score, promises, recovery steps.</summary>
    public sealed record Due(IReadOnlyList<Item> ToScore, IReadOnlyList<DueCommitment> Commitments, IReadOnlyList<DueStep> Steps);

    /// <summary>"Mark it kept": the commitment's page with Kept chosen (a link never changes anything by itself).</summary>
    public static Uri KeptLink(MailLinks links, Guid commitmentId) => links.To($"Commitments/Settle/{commitmentId}?outcome=Kept");

    private static string Subject(int toScore, int commitments, int steps)
    {
        var parts = new List<string>();
        if (toScore > 0)
        {
            parts.Add(toScore == 1 ? "1 relationship to score" : $"{toScore.ToString(CultureInfo.InvariantCulture)} relationships to score");
        }

        if (commitments > 0)
        {
            parts.Add(commitments == 1 ? "1 commitment due" : $"{commitments.ToString(CultureInfo.InvariantCulture)} commitments due");
        }

        if (steps > 0)
        {
            parts.Add(steps == 1 ? "1 recovery step due" : $"{steps.ToString(CultureInfo.InvariantCulture)} recovery steps due");
        }

        return string.Join(", ", parts);
    }

    private async Task<MailContent> ComposeAsync(string name, Due due, MailLinks links)
    {
        var (items, commitments, steps) = (due.ToScore, due.Commitments, due.Steps);
        var subject = Subject(items.Count, commitments.Count, steps.Count);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Hello {name},\n");
        if (items.Count > 0)
        {
            text.Append("\nThese relationships are waiting for a score after your next meeting:\n\n");
            foreach (var item in items)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {item.Client} ({item.Contact}): {item.Why}\n  Score it: {links.To($"Relationships/Score/{item.RelationshipId}").AbsoluteUri}\n");
            }
        }

        if (commitments.Count > 0)
        {
            text.Append("\nCommitments to your clients, due:\n\n");
            foreach (var c in commitments)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {c.Client}: {c.Promise}, {DueWords(c.DueOn, c.IsOverdue)}\n  Mark it kept: {KeptLink(links, c.Id).AbsoluteUri}\n");
            }
        }

        if (steps.Count > 0)
        {
            text.Append("\nYour steps of recovery plans, due:\n\n");
            foreach (var step in steps)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {step.Client}: {step.What}, {DueWords(step.DueOn, step.IsOverdue)}\n  The plan: {links.To($"Recovery/Plan/{step.PlanId}").AbsoluteUri}\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"\nChange when you get this reminder: {links.To("Account/Settings").AbsoluteUri}\nStop these reminders: {links.Unsubscribe.AbsoluteUri}\n");
        var html = await renderer.RenderAsync<ReminderEmail>(new Dictionary<string, object?>
        {
            [nameof(ReminderEmail.Subject)] = subject,
            [nameof(ReminderEmail.Name)] = name,
            [nameof(ReminderEmail.Items)] = items,
            [nameof(ReminderEmail.Commitments)] = commitments,
            [nameof(ReminderEmail.Steps)] = steps,
            [nameof(ReminderEmail.Links)] = links,
        });
        return new MailContent(subject, text.ToString(), html);
    }

    /// <summary>"due today" or "overdue since 20 Nov 2026".</summary>
    public static string DueWords(DateOnly dueOn, bool isOverdue) => isOverdue ? $"overdue since {Display.Date(dueOn)}" : "due today";
}
