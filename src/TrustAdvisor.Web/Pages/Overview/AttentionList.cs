using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Infrastructure.Reporting;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Overview;

/// <summary>
/// The relationships the viewer sees (of one team, if asked), with their recent history and the attention rules' verdicts, most urgent first:
/// what the home page shows (and what the benchmarks time).
/// </summary>
public sealed record AttentionList(IReadOnlyList<AttentionList.Row> Rows, bool ShowsOwners)
{
    /// <summary>Enough recent meetings for every rule and for the trend line.</summary>
    public const int RecentCount = 8;

    // Compiled: the page runs it on every visit, and EF Core's per-call work of matching the LINQ to its cached plan was
    // a large part of the page's time beyond its SQL (docs/benchmarks.md).
    private static readonly PerProvider<Func<TrustAdvisorDbContext, DateOnly, DateOnly, Guid?, IAsyncEnumerable<Summary>>> Query = new(() => EF.CompileAsyncQuery(
        (TrustAdvisorDbContext db, DateOnly ninetyDaysAgo, DateOnly today, Guid? team) => db.Relationships
            .Where(r => r.ArchivedAt == null && (team == null || r.TeamId == team))
            .Select(r => new
            {
                r,
                LastAnswered = db.Pulses.Where(p => p.RelationshipId == r.Id && p.Status == PulseStatus.Answered).Max(p => p.AnsweredOn),
            })
            .Select(x => new Summary(
                new RelationshipSummary(
                    x.r.Id, x.r.Contact.OrganisationId, x.r.Contact.Organisation.Name, x.r.Contact.Name, x.r.Contact.Role, x.r.Stage, x.r.NextReviewDate, x.r.IsDemo, x.r.ArchivedAt,
                    db.Users.Where(u => u.Id == x.r.OwnerId).Select(u => u.DisplayName).FirstOrDefault()),
                x.r.TeamId,
                x.r.OwnerId,
                db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == x.r.Id).Take(RecentCount)
                    .Select(MeetingScore.Of)
                    .ToList(),
                db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == x.r.Id && a.MeetingDate <= ninetyDaysAgo)
                    .Select(MeetingScore.Of)
                    .FirstOrDefault(),
                db.Assessments.Where(a => a.RelationshipId == x.r.Id && a.SupersededAt == null).Min(a => (DateOnly?)a.MeetingDate),
                db.Pulses.Where(p => p.RelationshipId == x.r.Id && p.Status == PulseStatus.Answered)
                    .OrderByDescending(p => p.AnsweredOn).ThenByDescending(p => p.ClosedAt)
                    .Take(1)
                    .Select(p => new LatestAnswer(
                        p.AnsweredOn!.Value,
                        new TrustFactors(p.Credibility!.Value, p.Reliability!.Value, p.Intimacy!.Value, p.SelfOrientation!.Value)))
                    .ToList(),
                // The advisor's scores on the day of the client's latest answer, a factor at a time: single-value
                // subqueries translate on SQLite too, where a row-valued one correlated by date would need APPLY.
                db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == x.r.Id && a.MeetingDate <= x.LastAnswered).Select(a => (int?)a.Factors.Credibility).FirstOrDefault(),
                db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == x.r.Id && a.MeetingDate <= x.LastAnswered).Select(a => (int?)a.Factors.Reliability).FirstOrDefault(),
                db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == x.r.Id && a.MeetingDate <= x.LastAnswered).Select(a => (int?)a.Factors.Intimacy).FirstOrDefault(),
                db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == x.r.Id && a.MeetingDate <= x.LastAnswered).Select(a => (int?)a.Factors.SelfOrientation).FirstOrDefault(),
                db.Commitments.Count(c => c.RelationshipId == x.r.Id && c.Status == CommitmentStatus.Open && c.DueOn < today),
                db.Commitments.Where(c => c.RelationshipId == x.r.Id && c.Status == CommitmentStatus.Open && c.DueOn < today).Min(c => (DateOnly?)c.DueOn)))
            .AsNoTracking()
            .AsSplitQuery()));

    public static async Task<AttentionList> LoadAsync(
        TrustAdvisorDbContext db, IMemoryCache cache, DateOnly today, ClientViewDue clientView, Guid? team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ninetyDaysAgo = today.AddDays(-AttentionRules.StalledIntimacyDays);
        var relationships = new List<Summary>();
        await foreach (var loaded in Query.For(db)(db, ninetyDaysAgo, today, team).WithCancellation(cancellationToken))
        {
            relationships.Add(loaded);
        }

        var medians = new Dictionary<Guid, double?>();
        foreach (var teamId in relationships.Select(r => r.TeamId).OfType<Guid>().Distinct())
        {
            medians[teamId] = await TeamMedianTrust.GetAsync(db, cache, teamId, cancellationToken);
        }

        var rows = relationships
            .Select(r =>
            {
                var recent = r.Recent.Select(s => s.Point).Reverse().ToList();
                var answer = r.LatestAnswer.FirstOrDefault();
                var gap = answer is not null && r is { AdvisorC: { } c, AdvisorR: { } rel, AdvisorI: { } i, AdvisorS: { } s }
                    ? new PerceptionGap(answer.AnsweredOn, new TrustFactors(c, rel, i, s), answer.Client)
                    : null;
                var signals = new RelationshipSignals(
                    recent, r.NinetyDaysAgo?.Point, r.Relationship.Stage, r.Relationship.NextReviewDate,
                    r.TeamId is { } team ? medians.GetValueOrDefault(team) : null, today,
                    answer?.AnsweredOn, gap, clientView.DueMonths, r.FirstMeeting, clientView.FirstAfterDays,
                    r.EarliestOverdueCommitment is { } due ? new OverdueCommitments(r.OverdueCommitments, due) : null);
                return new Row(r.Relationship, recent, AttentionRules.Evaluate(signals));
            })
            .ByNeedForAttention(r => r.Alerts, r => r.Latest?.Trust)
            .ThenBy(r => r.Relationship.ClientOrganisation, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new AttentionList(rows, relationships.Select(r => r.OwnerId).Distinct().Count() > 1);
    }

    /// <summary>When the client's view is due: <paramref name="FirstAfterDays"/> after the first meeting, then every <paramref name="DueMonths"/>.</summary>
    public sealed record ClientViewDue(int DueMonths, int FirstAfterDays)
    {
        public static ClientViewDue Default { get; } = new(AttentionRules.DefaultClientViewDueMonths, AttentionRules.DefaultFirstClientViewDays);
    }

    /// <summary>A relationship as the query reads it: its summary and its recent current assessments, newest first.</summary>
    public sealed record Summary(
        RelationshipSummary Relationship,
        Guid? TeamId,
        Guid? OwnerId,
        List<MeetingScore> Recent,
        MeetingScore? NinetyDaysAgo,
        DateOnly? FirstMeeting,
        List<LatestAnswer> LatestAnswer,
        int? AdvisorC,
        int? AdvisorR,
        int? AdvisorI,
        int? AdvisorS,
        int OverdueCommitments,
        DateOnly? EarliestOverdueCommitment);

    public sealed record Row(RelationshipSummary Relationship, IReadOnlyList<ScorePoint> RecentOldestFirst, IReadOnlyList<AttentionAlert> Alerts)
    {
        public ScorePoint? Latest => RecentOldestFirst.Count > 0 ? RecentOldestFirst[^1] : null;

        public int? DaysSinceLastAssessment(DateOnly today) => Latest is { } l ? today.DayNumber - l.Date.DayNumber : null;

        public string TrendPoints => Sparkline.Points(RecentOldestFirst.Select(p => (double)p.Trust).ToList());

        public string TrendInWords => string.Join(", ", RecentOldestFirst.Select(p => TrustEquation.Format(p.Trust)));
    }
}
