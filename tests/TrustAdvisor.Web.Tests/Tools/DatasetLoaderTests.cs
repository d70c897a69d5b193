using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrustAdvisor.Dataset;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Tools;

/// <summary>The benchmark dataset, at a small size: what it loads, that it loads the same every time, and that the app reads it.</summary>
public class DatasetLoaderTests
{
    private static readonly DatasetSpec Small = new(Teams: 2, AdvisorsPerTeam: 3, Relationships: 30, Assessments: 600, Years: 2, Seed: 7, Today: DateOnly.FromDateTime(FixedClock.Default.UtcDateTime));

    [Fact]
    public void The_same_seed_gives_the_same_firm_and_histories()
    {
        static List<string> Rows()
        {
            var firm = new FirmGenerator(Small);
            firm.GenerateFirm();
            return firm.Relationships.Select(r => $"{r.Id} {r.ClientOrganisation} {r.Stage}")
                .Concat(firm.Histories().Select(a => $"{a.Id} {a.MeetingDate} {a.Factors} {a.Revision}"))
                .ToList();
        }

        Rows().ShouldBe(Rows());
    }

    [Fact]
    public async Task It_loads_exactly_what_was_asked_into_an_empty_database_and_the_app_reads_it()
    {
        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();

        var counts = await DatasetLoader.LoadAsync(connectionString, Small, TextWriter.Null);

        counts.ShouldBe(new LoadedCounts(2, 1 + 2 + 6, 30, 600, counts.Revisions));
        (await ScalarAsync(connectionString, "SELECT count(*) FROM assessments WHERE superseded_at IS NULL")).ShouldBe(600L);
        (await ScalarAsync(connectionString, "SELECT count(*) FROM assessments")).ShouldBe((long)counts.Revisions);
        (await ScalarAsync(connectionString, """
            SELECT count(*) FROM assessments
            WHERE trust <> round((credibility + reliability + intimacy)::numeric / self_orientation, 2)
            """)).ShouldBe(0L);
        (await ScalarAsync(connectionString, """
            SELECT count(*) FROM relationships r JOIN users u ON u.id = r.owner_id WHERE u.team_id <> r.team_id OR u.role <> 'Advisor'
            """)).ShouldBe(0L);
        await Should.ThrowAsync<InvalidOperationException>(() => DatasetLoader.LoadAsync(connectionString, Small, TextWriter.Null));

        await using var app = new TrustAdvisorFactory("Postgres", connectionString, demoData: false, new FixedClock(FixedClock.Default));
        var manager = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await manager.SubmitAsync("/Account/SignIn", new Dictionary<string, string?>
        {
            ["Email"] = DatasetSpec.ManagerEmail(0),
            ["Password"] = DatasetSpec.Password,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var dashboard = await manager.GetPageAsync("/TeamDashboard?period=year");
        dashboard.GetElementById("advisors-heading")!.ParentElement!.QuerySelectorAll("tbody tr").Length.ShouldBe(3);
        app.Services.GetRequiredService<DatabaseOptions>().Provider.ShouldBe(DatabaseProvider.Postgres);
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
