using System.Diagnostics;
using System.Net;
using Npgsql;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Security;

/// <summary>An app whose database can be cut off: its own database on the shared server.</summary>
public sealed class OutageApp : PostgresApp
{
    /// <summary>Ends the app's connections and refuses new ones until <see cref="RestoreAsync"/>.</summary>
    public Task CutOffAsync() => AdminAsync(db => $"""
        ALTER DATABASE "{db}" WITH ALLOW_CONNECTIONS false;
        SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{db}';
        """);

    public Task RestoreAsync() => AdminAsync(db => $"""ALTER DATABASE "{db}" WITH ALLOW_CONNECTIONS true;""");

    private async Task AdminAsync(Func<string, string> sql)
    {
        var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database!;
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ToString();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql(database), connection);
        await command.ExecuteNonQueryAsync();
    }
}

public class DatabaseOutageTests(OutageApp app) : IClassFixture<OutageApp>
{
    [Fact]
    public async Task While_the_database_is_down_a_signed_in_advisor_gets_a_quick_plain_503_and_nothing_is_half_saved()
    {
        var relationship = await app.AddRelationshipAsync("Outage Ltd");
        var client = await app.CreateClientAsync();
        var (_, form) = await client.ReadFormAsync($"/Relationships/Score/{relationship.Id}");
        form["Input.Credibility"] = "7";
        form["Input.Reliability"] = "7";
        form["Input.Intimacy"] = "6";
        form["Input.SelfOrientation"] = "3";

        await app.CutOffAsync();
        HttpResponseMessage response;
        var clock = Stopwatch.StartNew();
        try
        {
            response = await client.PostFormAsync($"/Relationships/Score/{relationship.Id}", form);
        }
        finally
        {
            await app.RestoreAsync();
        }

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(30));
        var page = await HtmlForms.ParseAsync(response);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Temporarily unavailable");
        page.QuerySelector("main")!.TextContent.ShouldContain("nothing you just sent was saved");
        page.QuerySelector("main code")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("main")!.TextContent.ShouldNotContain("Npgsql");
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(0);

        // Back up: the same form goes through, once.
        (await client.PostFormAsync($"/Relationships/Score/{relationship.Id}", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task An_instance_that_cannot_reach_its_database_answers_503_not_a_stack_trace()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Port = 1, Timeout = 3 }.ToString();
        await using var factory = new TrustAdvisorFactory(
            "Postgres", unreachable, demoData: false, app.Clock, new Dictionary<string, string> { ["Database:MigrateOnStartup"] = "false" });
        var visitor = factory.CreateClient(TrustAdvisorFactory.BrowserLike());

        var response = await visitor.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await HtmlForms.ParseAsync(response)).QuerySelector("h1")!.TextContent.ShouldBe("Temporarily unavailable");
        (await visitor.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }
}
