namespace TrustAdvisor.Domain.Trends;

/// <summary>
/// Orders relationships by need for attention: an overdue review first, then a recent drop in T, then a blind spot (the client sees less trust than the advisor), then a factor that
/// keeps worsening, then any other alert, then the lowest T (a relationship never scored counts as lowest).
/// </summary>
public static class AttentionOrder
{
    public static IOrderedEnumerable<T> ByNeedForAttention<T>(
        this IEnumerable<T> items, Func<T, IReadOnlyCollection<AttentionAlert>> alerts, Func<T, decimal?> latestTrust)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(latestTrust);
        return items
            .OrderByDescending(i => Has(alerts(i), AlertKind.OverdueReview))
            .ThenByDescending(i => Has(alerts(i), AlertKind.SharpDrop))
            .ThenByDescending(i => Has(alerts(i), AlertKind.BlindSpot))
            .ThenByDescending(i => Has(alerts(i), AlertKind.SelfOrientationRising) || Has(alerts(i), AlertKind.FactorKeepsFalling))
            .ThenByDescending(i => alerts(i).Count > 0)
            .ThenBy(i => latestTrust(i) ?? decimal.MinValue);
    }

    private static bool Has(IReadOnlyCollection<AttentionAlert> alerts, AlertKind kind) => alerts.Any(a => a.Kind == kind);
}
