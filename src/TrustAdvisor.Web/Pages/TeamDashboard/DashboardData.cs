using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Infrastructure.Reporting;

namespace TrustAdvisor.Web.Pages.TeamDashboard;

/// <summary>Everything the dashboard shows for one team and period, each part one SQL query.</summary>
public sealed record DashboardData(
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<AdvisorSummary> Advisors,
    IReadOnlyList<SlippingRelationship> Slipping,
    IReadOnlyList<StaleRelationship> Stale,
    IReadOnlyList<TrustMoment> Moments,
    IReadOnlyList<TrendPoint> ClientTrend,
    IReadOnlyList<ClientCalibration> Calibration)
{
    /// <summary>A factor's team mean and an advisor's lead over it counts as a strength or a gap from this much.</summary>
    public const double HeatmapThreshold = 0.5;

    /// <summary>
    /// The parts' queries run side by side, each on a context of its own (a context serves one query at a time):
    /// they do not depend on each other, and the database runs them on as many cores as it has, so the page waits for
    /// about the longest rather than for their sum.
    /// </summary>
    public static async Task<DashboardData> QueryAsync(
        IDbContextFactory<TrustAdvisorDbContext> contexts, DashboardQueries queries, DashboardFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(filter);
        var trend = OnContextOfItsOwnAsync(contexts, db => queries.TrendAsync(db, cancellationToken));
        var advisors = OnContextOfItsOwnAsync(contexts, db => queries.AdvisorsAsync(db, cancellationToken));
        var slipping = OnContextOfItsOwnAsync(contexts, db => queries.SlippingAsync(db, cancellationToken));
        var stale = OnContextOfItsOwnAsync(contexts, db => queries.StaleAsync(db, cancellationToken));
        var moments = OnContextOfItsOwnAsync(contexts, db => queries.MomentsAsync(db, cancellationToken));
        var clientTrend = OnContextOfItsOwnAsync(contexts, db => queries.ClientTrendAsync(db, cancellationToken));
        var calibration = OnContextOfItsOwnAsync(contexts, db => queries.CalibrationAsync(db, cancellationToken));
        await Task.WhenAll(trend, advisors, slipping, stale, moments, clientTrend, calibration);
        return new DashboardData(
            await trend, AdvisorSummary.Sorted(await advisors, filter.Sort, filter.Desc).ToList(), await slipping, await stale, await moments,
            await clientTrend, await calibration);
    }

    private static async Task<T> OnContextOfItsOwnAsync<T>(
        IDbContextFactory<TrustAdvisorDbContext> contexts, Func<TrustAdvisorDbContext, Task<T>> query)
    {
        await using var db = contexts.CreateDbContext();
        return await query(db);
    }

    public long StaleTotal => Stale.Count == 0 ? 0 : Stale[0].Total;

    public long SlippingTotal => Slipping.Count == 0 ? 0 : Slipping[0].Total;

    /// <summary>The median of every filtered relationship's latest T by the period's end, and its change since the start.</summary>
    public double? TeamMedianTrust => (Advisors.Count == 0 ? null : Advisors[0])?.TeamMedianTrust;

    public double? TeamMedianTrustChange => TeamMedianTrust - (Advisors.Count == 0 ? null : Advisors[0])?.TeamMedianTrustAtStart;

    public long OverdueReviews => Advisors.Sum(a => a.OverdueReviews);

    /// <summary>The median of the clients' own T over the period's answered pulses, and how many there were.</summary>
    public double? ClientsMedianTrust => (Calibration.Count == 0 ? null : Calibration[0])?.ClientsMedianTrust;

    public long ClientAnswers => (Calibration.Count == 0 ? null : Calibration[0])?.AllAnswers ?? 0;

    /// <summary>The team's mean of a factor over its relationships' latest assessments (advisors weighted by how many they have).</summary>
    public double? TeamMean(Factor factor)
    {
        var scored = Advisors.Where(a => a.Scored > 0 && a.Factor(factor) is not null).ToList();
        var count = scored.Sum(a => a.Scored);
        return count == 0 ? null : scored.Sum(a => a.Factor(factor)!.Value * a.Scored) / count;
    }

    /// <summary>"strong", "gap" or "even": how an advisor's mean of a factor compares with the team's (lower is better for S).</summary>
    public string Heat(AdvisorSummary advisor, Factor factor)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        if (advisor.Factor(factor) is not { } value || TeamMean(factor) is not { } team)
        {
            return "none";
        }

        var lead = factor == Factor.SelfOrientation ? team - value : value - team;
        return lead >= HeatmapThreshold ? "strong" : lead <= -HeatmapThreshold ? "gap" : "even";
    }

    /// <summary>The clients' answers in the same week or month as an advisors' trend point, if any were answered in it.</summary>
    public TrendPoint? ClientPointAt(TrendPoint point) => ClientTrend.FirstOrDefault(c => c.Start == point?.Start);

    /// <summary>The advisors' trend point of the same week or month as a point of the client-reported trend.</summary>
    public TrendPoint? AdvisorPointAt(TrendPoint clientPoint) => Trend.FirstOrDefault(t => t.Start == clientPoint?.Start);
}
