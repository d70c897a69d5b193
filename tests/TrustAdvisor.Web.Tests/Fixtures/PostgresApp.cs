using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Fixtures;

/// <summary>The app on a fresh PostgreSQL database: what every page test runs against.</summary>
public class PostgresApp : AppFixture
{
    protected override bool DemoData => false;

    protected override async Task<(string, string)> CreateDatabaseAsync()
    {
        var server = await PostgresServer.GetAsync();
        return ("Postgres", await server.CreateDatabaseAsync());
    }

    protected override Task AssertProviderAsync() =>
        QueryAsync(db => Task.FromResult(db.Database.IsNpgsql()
            ? true
            : throw new InvalidOperationException("The Postgres fixture is not running on PostgreSQL.")));

    /// <summary>
    /// Also closes the idle connections the app's pools keep to this database (the app's own, tuned, and its
    /// scheduler's): with many fixtures in one test run they would otherwise hold the server's connections for minutes.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var connectionString in new[] { ConnectionString, DatabaseRegistration.TunePostgres(ConnectionString) })
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
    }
}

/// <summary>A fresh install on PostgreSQL: no administrator yet.</summary>
public sealed class FreshInstall : PostgresApp
{
    protected override bool CreatesAdministrator => false;
}
