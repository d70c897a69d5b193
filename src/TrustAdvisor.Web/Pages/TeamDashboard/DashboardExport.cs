using System.Globalization;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Infrastructure.Reporting;
using TrustAdvisor.Web.Formatting;

namespace TrustAdvisor.Web.Pages.TeamDashboard;

/// <summary>The dashboard's tables as CSV, from the same queries (so the same access rules) as the page.</summary>
public static class DashboardExport
{
    public static readonly IReadOnlyList<string> Tables = ["trend", "advisors", "slipping", "stale", "moments", "client-trend", "calibration", "plans", "commitments"];

    public static async Task<byte[]> CsvAsync(
        TrustAdvisorDbContext db, DashboardQueries page, DashboardFilter filter, string table,
        Func<IEnumerable<AdvisorSummary>, CancellationToken, Task<IReadOnlyDictionary<Guid, AdvisorPractice>>> practicesOf,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(practicesOf);
        var queries = page with { EveryRow = true };
        var csv = new CsvWriter();
        switch (table)
        {
            case "trend" or "client-trend":
                csv.Row("Period start", "Period", table == "trend" ? "Assessments" : "Answers", "Median T", "T of the mean factors", "Mean credibility", "Mean reliability", "Mean intimacy", "Mean self-orientation");
                foreach (var p in await (table == "trend" ? queries.TrendAsync(db, cancellationToken) : queries.ClientTrendAsync(db, cancellationToken)))
                {
                    csv.Row(Display.IsoDate(p.Start), p.Label, N(p.Assessments), N(p.MedianTrust), N(p.TrustOfMeans), N(p.MeanCredibility), N(p.MeanReliability), N(p.MeanIntimacy), N(p.MeanSelfOrientation));
                }

                break;
            case "calibration":
                csv.Row("Advisor", "Answers", "Mean credibility gap", "Mean reliability gap", "Mean intimacy gap", "Mean self-orientation gap", "Calibration", "Links answered", "Links asked");
                foreach (var c in await queries.CalibrationAsync(db, cancellationToken))
                {
                    csv.Row(c.Name, N(c.Answers), N(c.Credibility), N(c.Reliability), N(c.Intimacy), N(c.SelfOrientation), c.Calibration.Describe(), N(c.Answered), N(c.Asked));
                }

                break;
            case "advisors":
                csv.Row("Advisor", "Relationships owned", "Assessed in period", "Median T", "Median T at start", "Change", "Mean credibility", "Mean reliability", "Mean intimacy", "Mean self-orientation", "Overdue reviews", "Last meeting", "Client meetings", "Scored within two days", "Commitments due", "Kept on time", "Constructive risks");
                var advisors = await queries.AdvisorsAsync(db, cancellationToken);
                var practices = await practicesOf(advisors, cancellationToken);
                foreach (var a in AdvisorSummary.Sorted(advisors, filter.Sort, filter.Desc))
                {
                    var practice = practices.GetValueOrDefault(a.AdvisorId) ?? AdvisorPractice.None;
                    var habit = practice.Meetings;
                    csv.Row(a.Name, N(a.Owned), N(a.AssessedInPeriod), N(a.MedianTrust), N(a.MedianTrustAtStart), N(a.Change), N(a.MeanCredibility), N(a.MeanReliability), N(a.MeanIntimacy), N(a.MeanSelfOrientation), N(a.OverdueReviews), D(a.LastMeeting),
                        habit is null ? "no calendar connected" : N(habit.Meetings), habit is null ? "" : N(habit.ScoredInTime),
                        N(practice.Commitments.Settled), N(practice.Commitments.KeptOnTime), N(practice.RisksTaken));
                }

                break;
            case "slipping":
                csv.Row("Client", "Contact", "Owner", "From date", "T then", "To date", "T now", "Change", "Driven by", "What happened");
                foreach (var s in await queries.SlippingAsync(db, cancellationToken))
                {
                    var change = s.Change;
                    csv.Row(s.ClientOrganisation, s.ContactName, s.Owner, D(s.StartDate), N(change.From), D(s.EndDate), N(change.To), N(change.Delta), Driver(change), change.Describe());
                }

                break;
            case "plans":
                csv.Row("Client", "Contact", "Owner", "Factor", "Problem", "Opened", "Look again", "Status", "Closed", "Trust recovered", "Steps", "Steps done", "Steps overdue");
                foreach (var p in await TeamActions.PlansAsync(db, queries.Scope, activeOnly: false, cancellationToken))
                {
                    csv.Row(p.Client, p.Contact, p.Owner, FactorNames.Of(p.Factor), p.Problem, D(p.OpenedOn), D(p.ReviewOn), p.Status.ToString(), D(p.ClosedOn),
                        p.TrustRecovered is { } recovered ? (recovered ? "yes" : "no") : "", N(p.Steps), N(p.StepsDone), N(p.StepsOverdue));
                }

                break;
            case "commitments":
                csv.Row("Client", "Contact", "Made by", "Promise", "Made on", "Due on", "Status", "Settled on", "Settled by", "Withdrawn because");
                foreach (var c in await TeamActions.CommitmentsAsync(db, queries.Scope, cancellationToken))
                {
                    csv.Row(c.Client, c.Contact, c.MadeBy, c.Promise, D(c.MadeOn), D(c.DueOn), CommitmentStatusNames.Of(c.Status), D(c.ClosedOn), c.ClosedBy, c.WithdrawnBecause);
                }

                break;
            case "stale":
                csv.Row("Client", "Contact", "Owner", "Stage", "Next review", "Last meeting", "Review overdue");
                foreach (var s in await queries.StaleAsync(db, cancellationToken))
                {
                    csv.Row(s.ClientOrganisation, s.ContactName, s.Owner, s.Stage, D(s.NextReviewDate), D(s.LastMeeting), s.ReviewOverdue(queries.Scope.Today) ? "yes" : "no");
                }

                break;
            default:
                csv.Row("Client", "Contact", "Owner", "Meeting date", "Meeting kind", "T before", "T after", "Step", "Driven by", "What happened");
                foreach (var m in await queries.MomentsAsync(db, cancellationToken))
                {
                    var change = m.Change;
                    csv.Row(m.ClientOrganisation, m.ContactName, m.Owner, D(m.MeetingDate), m.MeetingKind, N(change.From), N(change.To), N(change.Delta), Driver(change), change.Describe());
                }

                break;
        }

        return csv.ToBytes();
    }

    private static string Driver(TrustChange change) => change.Driver is { } d ? FactorNames.Of(d.Factor) : "";

    private static string D(DateOnly? date) => date is { } d ? Display.IsoDate(d) : "";

    private static CsvCell N(double? value) =>
        new(value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) : "", IsNumber: true);

    private static CsvCell N(decimal value) => N((double)value);

    private static CsvCell N(long value) => new(value.ToString(CultureInfo.InvariantCulture), IsNumber: true);
}
