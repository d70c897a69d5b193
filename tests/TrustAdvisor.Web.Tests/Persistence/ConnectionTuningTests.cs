using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Infrastructure.Reporting;

namespace TrustAdvisor.Web.Tests.Persistence;

public class ConnectionTuningTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task The_app_keeps_prepared_statements_on_pooled_connections_and_prepares_repeated_ones()
    {
        var used = new NpgsqlConnectionStringBuilder(await app.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!)));

        (used.NoResetOnClose, used.MaxAutoPrepare, used.Options).ShouldBe((true, 50, null));
        (await app.QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync()))
            .ShouldBe("auto");
        used.Database.ShouldBe(new NpgsqlConnectionStringBuilder(app.ConnectionString).Database);
    }

    [Fact]
    public async Task The_dashboards_statements_are_planned_for_their_own_values_and_leave_the_connection_as_it_was()
    {
        var today = new DateOnly(2026, 12, 1);
        var scope = new TeamScope(Guid.NewGuid(), null, null, null, today.AddYears(-1), today, today);
        var setting = scope.Statement(SqlDialect.Postgres, $"""{TeamScope.Cte} SELECT current_setting('plan_cache_mode') AS "Value" """);

        var (during, after) = await app.QueryAsync(async db =>
        {
            var inside = await TeamSql.QueryAsync<string>(db, setting, default);
            var outside = await db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync();
            return (inside.Single(), outside);
        });

        (during, after).ShouldBe(("force_custom_plan", "auto"));
    }

    [Fact]
    public void A_connection_string_that_sets_them_itself_is_left_as_it_says()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            DatabaseRegistration.TunePostgres("Host=db;Database=trustadvisor;No Reset On Close=false;Max Auto Prepare=0;Options=-c work_mem=64MB"));

        (tuned.NoResetOnClose, tuned.MaxAutoPrepare, tuned.Options).ShouldBe((false, 0, "-c work_mem=64MB"));
    }
}
