using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
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
/// the pulses clients answered with the advisors' largest gaps. The figures are the dashboard's own statements for
/// that week (TeamScope), so the email and the dashboard agree. Due on the digest day (Monday unless
/// <see cref="MailOptions.DigestDay"/> says otherwise) once it is <see cref="MailOptions.DigestTime"/> in the manager's zone.
/// </summary>
public sealed class DigestMail(IOptions<MailOptions> options) : IScheduledMail
{
    public const int Shown = 5;

    public MailKind Kind => MailKind.WeeklyDigest;

    public Task<IReadOnlyList<MailRecipient>> RecipientsAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken) =>
        MailRecipients.ListAsync(db, u => u.Role == UserRole.Manager && u.TeamId != null, options.Value.DefaultTimeZone, cancellationToken);

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
        return week.IsEmpty ? null : Compose(recipient.Name, recipient.Team ?? "Your team", week, links);
    }

    private static MailPeriod Period(MailRecipient recipient, DateOnly digestDay, DateTimeOffset now) =>
        new(Key(recipient.Id, digestDay), digestDay, now.UtcDateTime, now.UtcDateTime);

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

    private static MailContent Compose(string name, string team, Week week, MailLinks links)
    {
        var unsubscribe = links.Unsubscribe;
        var subject = $"{team}: the week of {Display.Date(week.From)}";
        var dashboard = links.To($"TeamDashboard?period=custom&from={Display.IsoDate(week.From)}&to={Display.IsoDate(week.To)}");
        var text = new StringBuilder();
        var html = new StringBuilder();
        void Line(string plain, string markup)
        {
            text.Append(plain).Append('\n');
            html.Append(markup);
        }

        string E(string value) => HtmlEncoder.Default.Encode(value);
        string Link(Uri uri, string label) => $"""<a href="{E(uri.AbsoluteUri)}">{E(label)}</a>""";
        Line($"Hello {name},\n\nYour team's week, {Display.Date(week.From)} to {Display.Date(week.To)}.\n", $"<p>Hello {E(name)},</p><p>Your team's week, {E(Display.Date(week.From))} to {E(Display.Date(week.To))}.</p>");

        var median = week.MedianNow is { } now
            ? $"Median T {TrustEquation.Format(now)}" + (week.MedianBefore is { } before ? $", {TrustEquation.FormatDelta((decimal)Math.Round(now - before, 1, MidpointRounding.AwayFromZero))} on a week earlier ({TrustEquation.Format(before)})." : ".")
            : "No relationship has a score yet.";
        Line(median + "\n", $"<p style=\"font-size:18px;font-weight:700\">{E(median)}</p>");

        Section("Slipping", week.Slipping.Take(Shown).Select(s => (
            $"{s.ClientOrganisation} ({s.Owner}): {s.Change.Describe()}", (Uri?)links.To($"Relationships/Details/{s.RelationshipId}"))).ToList(),
            week.SlippingTotal > Shown ? $"and {week.SlippingTotal - Shown} more on the dashboard" : null, "No relationship's T fell this week.");
        Section("Overdue reviews", week.Advisors.Where(a => a.OverdueReviews > 0).OrderByDescending(a => a.OverdueReviews)
            .Select(a => ($"{a.Name}: {a.OverdueReviews}", (Uri?)null)).ToList(), null, "None: every review is on time.");
        Section("Moments that matter", week.Moments.Take(Shown).Select(m => (
            $"{Display.Date(m.MeetingDate)}, {m.ClientOrganisation} ({m.Owner}): {m.Change.Describe()}", (Uri?)links.To($"Relationships/Details/{m.RelationshipId}"))).ToList(),
            null, "No single meeting moved T this week.");
        var answers = week.Calibration.Count == 0 ? 0 : week.Calibration[0].AllAnswers;
        var gaps = week.Calibration.Where(c => c.Answers > 0)
            .OrderByDescending(c => new[] { c.Credibility, c.Reliability, c.Intimacy, c.SelfOrientation }.Max(g => Math.Abs(g ?? 0)))
            .Take(Shown)
            .Select(c => ($"{c.Name}: {c.Calibration.Describe()}", (Uri?)null)).ToList();
        Section($"Clients' pulses: {answers} answered", gaps, null, "No client answered a pulse this week.");

        Line($"\nThe dashboard for the week: {dashboard.AbsoluteUri}\nStop this digest: {unsubscribe.AbsoluteUri}",
            $"""{MailHtml.Button(dashboard, "Open the week on the dashboard")}<p style="font-size:14px;color:#5b6470">{Link(unsubscribe, "Stop this digest")}, or change it in your settings.</p>""");
        return new MailContent(subject, text.ToString(), MailHtml.Page(subject, html.ToString()));

        void Section(string heading, IReadOnlyList<(string Text, Uri? Link)> rows, string? more, string empty)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{heading}\n");
            html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:16px;margin:16px 0 4px\">{E(heading)}</h2>");
            if (rows.Count == 0)
            {
                Line(empty, $"<p>{E(empty)}</p>");
                return;
            }

            html.Append("<ul style=\"padding-left:18px\">");
            foreach (var (row, link) in rows)
            {
                Line($"- {row}" + (link is null ? "" : $"\n  {link.AbsoluteUri}"), $"<li style=\"margin:0 0 6px\">{(link is null ? E(row) : Link(link, row))}</li>");
            }

            if (more is not null)
            {
                Line($"- {more}", $"<li>{E(more)}</li>");
            }

            html.Append("</ul>");
        }
    }
}
