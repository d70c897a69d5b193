using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain.Reminders;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Infrastructure.Reporting;
using TrustAdvisor.Web.Formatting;
using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Mail.Digests;

/// <summary>
/// A manager's Monday digest of the week before (Monday to Sunday): the team's median T against a week earlier, the
/// slipping relationships with the factor that drove each, overdue reviews per advisor, the moments that matter, and
/// the pulses clients answered with the advisors' largest gaps; a manager who looks after other teams too gets one for each. The figures are the dashboard's own statements for
/// that week (TeamScope), so the email and the dashboard agree. Due on the digest day (Monday unless
/// <see cref="MailOptions.DigestDay"/> says otherwise) once it is <see cref="MailOptions.DigestTime"/> in the manager's zone.
/// </summary>
public sealed class DigestMail(IOptions<MailOptions> options, MailRenderer renderer) : IScheduledMail
{
    public const int Shown = 5;

    public MailKind Kind => MailKind.WeeklyDigest;

    /// <summary>Every manager, once for their own team and once for each other team they look after: a digest each.</summary>
    public async Task<IReadOnlyList<MailRecipient>> RecipientsAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var managers = await MailRecipients.ListAsync(db, u => u.Role == UserRole.Manager && u.TeamId != null, options.Value.DefaultTimeZone, cancellationToken);
        var ids = managers.Select(m => m.Id).ToList();
        var others = await db.ManagedTeams.Where(m => ids.Contains(m.UserId))
            .Join(db.Teams, m => m.TeamId, t => t.Id, (m, t) => new { m.UserId, t.Id, t.Name })
            .ToListAsync(cancellationToken);
        return [.. managers.SelectMany(m => others.Where(o => o.UserId == m.Id && o.Id != m.TeamId)
            .OrderBy(o => o.Name, StringComparer.CurrentCulture)
            .Select(o => m with { TeamId = o.Id, Team = o.Name, OtherTeam = true })
            .Prepend(m))];
    }

    public Task<MailPeriod?> DueAsync(TrustAdvisorDbContext db, MailRecipient recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var mail = options.Value;
        var schedule = new ReminderSchedule(recipient.Preferences.Schedule().Zone, ReminderFrequency.Weekly, mail.DigestDay, mail.DigestTime);
        return Task.FromResult(recipient.Preferences.WeeklyDigest && schedule.DueOn(now) is { } digestDay ? Period(recipient, digestDay, now) : null);
    }

    /// <summary>The last complete week: the one the latest digest day (today, or before it) reports on.</summary>
    public MailPeriod SamplePeriod(MailRecipient recipient, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var today = recipient.Today(now);
        return Period(recipient, today.AddDays(-(((int)today.DayOfWeek - (int)options.Value.DigestDay + 7) % 7)), now);
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

        var week = await WeekAsync(db, team, period.Day, options.Value.ReminderStaleDays, cancellationToken);
        return week.IsEmpty ? null : await ComposeAsync(recipient.Name, team, recipient.Team ?? "Your team", week, links);
    }

    private static MailPeriod Period(MailRecipient recipient, DateOnly digestDay, DateTimeOffset now) =>
        new(Key(recipient.Id, digestDay) + (recipient.OtherTeam ? $":{recipient.TeamId:N}" : string.Empty), digestDay, now.UtcDateTime, now.UtcDateTime);

    public sealed record Week(
        DateOnly From, DateOnly To, double? MedianNow, double? MedianBefore, IReadOnlyList<SlippingRelationship> Slipping, long SlippingTotal,
        IReadOnlyList<AdvisorSummary> Advisors, IReadOnlyList<TrustMoment> Moments, IReadOnlyList<ClientCalibration> Calibration)
    {
        public bool IsEmpty => MedianNow is null && Slipping.Count == 0 && Advisors.All(a => a.OverdueReviews == 0) && Calibration.Count == 0;
    }

    public static string Key(Guid managerId, DateOnly monday) => $"digest:{managerId:N}:{Display.IsoDate(monday)}";

    public static async Task<Week> WeekAsync(TrustAdvisorDbContext db, Guid teamId, DateOnly monday, int staleDays, CancellationToken cancellationToken)
    {
        var (from, to) = (monday.AddDays(-7), monday.AddDays(-1));
        var queries = new DashboardQueries(new TeamScope(teamId, null, null, null, from, to, monday), ByMonth: false, staleDays);
        var advisors = await queries.AdvisorsAsync(db, cancellationToken);
        var slipping = await queries.SlippingAsync(db, cancellationToken);
        var moments = await queries.MomentsAsync(db, cancellationToken);
        var calibration = await queries.CalibrationAsync(db, cancellationToken);
        var first = advisors.Count == 0 ? null : advisors[0];
        return new Week(from, to, first?.TeamMedianTrust, first?.TeamMedianTrustAtStart, slipping, slipping.Count == 0 ? 0 : slipping[0].Total,
            advisors, moments, calibration);
    }

    /// <summary>One topic of the digest: its rows (with a link where there is a page to open), what follows them, and what it says when there are none.</summary>
    public sealed record Section(string Heading, IReadOnlyList<(string Text, Uri? Link)> Rows, string? More, string Empty);

    private async Task<MailContent> ComposeAsync(string name, Guid teamId, string team, Week week, MailLinks links)
    {
        var subject = $"{team}: the week of {Display.Date(week.From)}";
        var dashboard = links.To($"TeamDashboard?team={teamId}&period=custom&from={Display.IsoDate(week.From)}&to={Display.IsoDate(week.To)}");
        var median = week.MedianNow is { } now
            ? $"Median T {TrustEquation.Format(now)}" + (week.MedianBefore is { } before ? $", {TrustEquation.FormatDelta((decimal)Math.Round(now - before, 1, MidpointRounding.AwayFromZero))} on a week earlier ({TrustEquation.Format(before)})." : ".")
            : "No relationship has a score yet.";
        var answers = week.Calibration.Count == 0 ? 0 : week.Calibration[0].AllAnswers;
        Section[] sections =
        [
            new("Slipping", week.Slipping.Take(Shown).Select(s => (
                    $"{s.ClientOrganisation} ({s.Owner}): {s.Change.Describe()}", (Uri?)links.To($"Relationships/Details/{s.RelationshipId}"))).ToList(),
                week.SlippingTotal > Shown ? $"and {week.SlippingTotal - Shown} more on the dashboard" : null, "No relationship's T fell this week."),
            new("Overdue reviews", week.Advisors.Where(a => a.OverdueReviews > 0).OrderByDescending(a => a.OverdueReviews)
                .Select(a => ($"{a.Name}: {a.OverdueReviews}", (Uri?)null)).ToList(), null, "None: every review is on time."),
            new("Moments that matter", week.Moments.Take(Shown).Select(m => (
                    $"{Display.Date(m.MeetingDate)}, {m.ClientOrganisation} ({m.Owner}): {m.Change.Describe()}", (Uri?)links.To($"Relationships/Details/{m.RelationshipId}"))).ToList(),
                null, "No single meeting moved T this week."),
            new($"Clients' pulses: {answers} answered", week.Calibration.Where(c => c.Answers > 0)
                .OrderByDescending(c => new[] { c.Credibility, c.Reliability, c.Intimacy, c.SelfOrientation }.Max(g => Math.Abs(g ?? 0)))
                .Take(Shown)
                .Select(c => ($"{c.Name}: {c.Calibration.Describe()}", (Uri?)null)).ToList(), null, "No client answered a pulse this week."),
        ];

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Hello {name},\n\n{team}'s week, {Display.Date(week.From)} to {Display.Date(week.To)}.\n\n{median}\n");
        foreach (var section in sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{section.Heading}\n");
            if (section.Rows.Count == 0)
            {
                text.Append(section.Empty).Append('\n');
                continue;
            }

            foreach (var (row, link) in section.Rows)
            {
                text.Append("- ").Append(row).Append(link is null ? "" : $"\n  {link.AbsoluteUri}").Append('\n');
            }

            if (section.More is not null)
            {
                text.Append("- ").Append(section.More).Append('\n');
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"\nThe dashboard for the week: {dashboard.AbsoluteUri}\nStop this digest: {links.Unsubscribe.AbsoluteUri}\n");
        var html = await renderer.RenderAsync<DigestEmail>(new Dictionary<string, object?>
        {
            [nameof(DigestEmail.Subject)] = subject,
            [nameof(DigestEmail.Name)] = name,
            [nameof(DigestEmail.Team)] = team,
            [nameof(DigestEmail.From)] = week.From,
            [nameof(DigestEmail.To)] = week.To,
            [nameof(DigestEmail.Median)] = median,
            [nameof(DigestEmail.Sections)] = sections,
            [nameof(DigestEmail.Dashboard)] = dashboard,
            [nameof(DigestEmail.Unsubscribe)] = links.Unsubscribe,
        });
        return new MailContent(subject, text.ToString(), html);
    }
}
