using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.TeamDashboard;

/// <summary>
/// The statements the dashboard page runs, in its order, with its limits: what the benchmarks time directly
/// against the database to compare with the page (bench/TrustAdvisor.Bench.Sql).
/// </summary>
public static class DashboardStatements
{
    public static IReadOnlyList<(string Name, SqlStatement Statement)> For(SqlDialect dialect, TeamScope scope, DashboardFilter filter, bool byMonth)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return
        [
            ("team trend", TeamTrend.Statement(dialect, scope, byMonth)),
            ("per advisor", AdvisorSummary.Statement(dialect, scope)),
            ("slipping", SlippingRelationship.Statement(dialect, scope, SlippingRelationship.Shown)),
            ("not assessed lately", StaleRelationship.Statement(dialect, scope, filter.StaleDaysOrDefault, StaleRelationship.Shown)),
            ("moments that matter", TrustMoment.Statement(dialect, scope, TrustMoment.ShownEachWay)),
        ];
    }
}
