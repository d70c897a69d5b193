using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Bench.Reference;

/// <summary>
/// The same figures as the team dashboard, computed the way one might first write it with the app's own DbContext:
/// every current assessment of the team loaded into memory as entities, then LINQ. Bench-only, to show what aggregating in the database buys.
/// </summary>
internal static class NaiveDashboard
{
    private sealed record Row(
        Guid RelationshipId, Guid OwnerId, string Client, DateOnly NextReview, bool Archived,
        DateOnly? Date, Guid? Lineage, TrustFactors? Factors);

    public static async Task<string> ComputeAsync(PostgresDbContext db, Guid team, DateOnly from, DateOnly to, DateOnly today)
    {
        // The team's relationships and every current assessment of theirs, as entities, straight into memory.
        var relationships = await db.Relationships.AsNoTracking().Include(r => r.Contact).ThenInclude(c => c.Organisation).Where(r => r.TeamId == team).ToListAsync();
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.SupersededAt == null && db.Relationships.Any(r => r.Id == a.RelationshipId && r.TeamId == team))
            .ToListAsync();
        var byRelationship = assessments.ToLookup(a => a.RelationshipId);
        var rows = relationships.SelectMany(r => byRelationship[r.Id].Any()
                ? byRelationship[r.Id].Select(a => new Row(r.Id, r.OwnerId!.Value, r.Contact.Organisation.Name, r.NextReviewDate, r.IsArchived, a.MeetingDate, a.LineageId, a.Factors))
                : [new Row(r.Id, r.OwnerId!.Value, r.Contact.Organisation.Name, r.NextReviewDate, r.IsArchived, null, null, null)])
            .ToList();

        var report = new StringBuilder();
        var scoredRows = rows.Where(r => r.Factors is not null).ToList();
        var inPeriod = scoredRows.Where(r => r.Date >= from && r.Date <= to).ToList();
        foreach (var month in inPeriod.GroupBy(r => new DateOnly(r.Date!.Value.Year, r.Date.Value.Month, 1)).OrderBy(g => g.Key))
        {
            var factors = month.Select(r => r.Factors!.Value).ToList();
            var median = TrustStatistics.Median(factors.Select(f => (double)TrustEquation.Exact(f)));
            var ofMeans = TrustStatistics.TrustOfMeans(
                factors.Average(f => f.Credibility), factors.Average(f => f.Reliability), factors.Average(f => f.Intimacy), factors.Average(f => f.SelfOrientation));
            report.AppendLine(CultureInfo.InvariantCulture, $"{month.Key:yyyy-MM} {factors.Count} {median:0.00} {ofMeans:0.00}");
        }

        var histories = scoredRows.GroupBy(r => r.RelationshipId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Date).ThenBy(r => r.Lineage).ToList());
        var states = histories.Select(h => new
        {
            h.Value[0].OwnerId,
            h.Value[0].Client,
            h.Value[0].Archived,
            End = h.Value.LastOrDefault(r => r.Date <= to),
            Start = h.Value.LastOrDefault(r => r.Date < from) ?? h.Value.FirstOrDefault(r => r.Date >= from && r.Date <= to),
            Steps = h.Value.Zip(h.Value.Skip(1)).Where(p => p.Second.Date >= from && p.Second.Date <= to).ToList(),
        }).ToList();
        foreach (var owner in states.GroupBy(s => s.OwnerId))
        {
            var ends = owner.Where(s => s.End is not null).Select(s => (double)TrustEquation.Exact(s.End!.Factors!.Value)).ToList();
            report.AppendLine(CultureInfo.InvariantCulture, $"{owner.Key} {owner.Count()} {TrustStatistics.Median(ends):0.00}");
        }

        var slipping = states.Where(s => !s.Archived && s.End is not null && s.Start is not null && s.End.Date >= from)
            .Select(s => (s.Client, Change: TrustChange.Between(s.Start!.Factors!.Value, s.End!.Factors!.Value)))
            .Where(s => s.Change.Delta < 0).OrderBy(s => s.Change.Delta).Take(10);
        foreach (var (client, change) in slipping)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{client}: {change.Describe()}");
        }

        var steps = states.SelectMany(s => s.Steps.Select(p => TrustChange.Between(p.First.Factors!.Value, p.Second.Factors!.Value))).ToList();
        foreach (var step in steps.Where(c => c.Delta > 0).OrderByDescending(c => c.Delta).Take(5).Concat(steps.Where(c => c.Delta < 0).OrderBy(c => c.Delta).Take(5)))
        {
            report.AppendLine(step.Describe());
        }

        var lastMeetings = rows.GroupBy(r => r.RelationshipId).Select(g => (g.First(), Last: g.Max(r => r.Date)));
        var stale = lastMeetings.Count(x => !x.Item1.Archived && (x.Last is null || x.Last < today.AddDays(-60) || (x.Item1.NextReview < today && x.Last < x.Item1.NextReview)));
        report.AppendLine(CultureInfo.InvariantCulture, $"stale {stale}");
        return report.ToString();
    }
}
