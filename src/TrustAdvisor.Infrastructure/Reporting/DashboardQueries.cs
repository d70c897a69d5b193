using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Reporting;

/// <summary>
/// The team dashboard's parts for one scope, each one statement with the page's limits: the page runs these
/// (side by side, one context each), the CSV export the same with <see cref="EveryRow"/>, and the benchmarks time
/// exactly them.
/// </summary>
public sealed record DashboardQueries(TeamScope Scope, bool ByMonth, int StaleDays)
{
    private const int AllRows = 100_000;

    /// <summary>The lists without the page's limits (for the CSV export).</summary>
    public bool EveryRow { get; init; }

    public SqlStatement Trend(SqlDialect dialect) => TeamTrend.Statement(dialect, Scope, ByMonth);

    public SqlStatement Advisors(SqlDialect dialect) => AdvisorSummary.Statement(dialect, Scope);

    public SqlStatement Slipping(SqlDialect dialect) =>
        SlippingRelationship.Statement(dialect, Scope, EveryRow ? AllRows : SlippingRelationship.Shown);

    public SqlStatement Stale(SqlDialect dialect) =>
        StaleRelationship.Statement(dialect, Scope, StaleDays, EveryRow ? AllRows : StaleRelationship.Shown);

    public SqlStatement Moments(SqlDialect dialect) => TrustMoment.Statement(dialect, Scope, TrustMoment.ShownEachWay);

    public SqlStatement ClientTrend(SqlDialect dialect) => TeamTrend.Statement(dialect, Scope, ByMonth, clientView: true);

    public SqlStatement Calibration(SqlDialect dialect) => ClientCalibration.Statement(dialect, Scope);

    /// <summary>The statements by name, in the page's order.</summary>
    public IReadOnlyList<(string Name, SqlStatement Statement)> All(SqlDialect dialect) =>
    [
        ("team trend", Trend(dialect)),
        ("per advisor", Advisors(dialect)),
        ("slipping", Slipping(dialect)),
        ("not assessed lately", Stale(dialect)),
        ("moments that matter", Moments(dialect)),
        ("client-reported trend", ClientTrend(dialect)),
        ("calibration", Calibration(dialect)),
    ];

    public Task<IReadOnlyList<TrendPoint>> TrendAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken) =>
        TeamTrend.QueryAsync(db, Trend(SqlOf(db)), Scope, ByMonth, cancellationToken);

    public Task<List<AdvisorSummary>> AdvisorsAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken) =>
        TeamSql.QueryAsync<AdvisorSummary>(db, Advisors(SqlOf(db)), cancellationToken);

    public Task<List<SlippingRelationship>> SlippingAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken) =>
        TeamSql.QueryAsync<SlippingRelationship>(db, Slipping(SqlOf(db)), cancellationToken);

    public Task<List<StaleRelationship>> StaleAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken) =>
        TeamSql.QueryAsync<StaleRelationship>(db, Stale(SqlOf(db)), cancellationToken);

    public Task<List<TrustMoment>> MomentsAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken) =>
        TeamSql.QueryAsync<TrustMoment>(db, Moments(SqlOf(db)), cancellationToken);

    public Task<IReadOnlyList<TrendPoint>> ClientTrendAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken) =>
        TeamTrend.QueryAsync(db, ClientTrend(SqlOf(db)), Scope, ByMonth, cancellationToken);

    public Task<List<ClientCalibration>> CalibrationAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken) =>
        TeamSql.QueryAsync<ClientCalibration>(db, Calibration(SqlOf(db)), cancellationToken);

    private static SqlDialect SqlOf(TrustAdvisorDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Sql;
    }
}
