using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Hosting;

/// <summary>A newcomer's first start, on either database, says nothing alarming: no warning, no error.</summary>
public sealed class FirstStartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task On_an_empty_data_folder_it_logs_no_warning_or_error()
    {
        await StartAndReadAsync("Sqlite", _folder.SqliteFile("App_Data", "trustadvisor.db"));
        File.Exists(Path.Combine(_folder.Path, "App_Data", "trustadvisor.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task On_an_empty_postgres_database_it_logs_no_warning_or_error()
    {
        var server = await PostgresServer.GetAsync();
        await StartAndReadAsync("Postgres", await server.CreateDatabaseAsync());
    }

    /// <summary>
    /// Starts the app as `dotnet run` does (Development, so with the demo data: migrations, the demo team, the first
    /// keys) and asks for the sign-in page.
    /// </summary>
    private static async Task StartAndReadAsync(string provider, string connectionString)
    {
        var logs = new CapturedLogs();
        await using var app = new TrustAdvisorFactory(provider, connectionString, demoData: null, new FixedClock(FixedClock.Default)) { EnvironmentName = "Development" }
            .WithWebHostBuilder(host => host.ConfigureLogging(logging => logging.AddProvider(logs)));

        var response = await app.CreateClient().GetAsync(new Uri("/Account/SignIn", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        logs.Lines.Where(line => line.StartsWith("Warning", StringComparison.Ordinal)
            || line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    public void Dispose() => _folder.Dispose();
}
