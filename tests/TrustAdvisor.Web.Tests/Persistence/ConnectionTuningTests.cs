using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Persistence;

public class ConnectionTuningTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task The_app_keeps_prepared_statements_on_pooled_connections_and_prepares_repeated_ones()
    {
        var used = new NpgsqlConnectionStringBuilder(await app.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!)));

        (used.NoResetOnClose, used.MaxAutoPrepare, used.Options).ShouldBe((true, 50, "-c plan_cache_mode=force_custom_plan"));
        (await app.QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync()))
            .ShouldBe("force_custom_plan");
        used.Database.ShouldBe(new NpgsqlConnectionStringBuilder(app.ConnectionString).Database);
    }

    [Fact]
    public void A_connection_string_that_sets_them_itself_is_left_as_it_says()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            DatabaseRegistration.TunePostgres("Host=db;Database=trustadvisor;No Reset On Close=false;Max Auto Prepare=0;Options=-c work_mem=64MB"));

        (tuned.NoResetOnClose, tuned.MaxAutoPrepare, tuned.Options).ShouldBe((false, 0, "-c work_mem=64MB"));
    }
}
