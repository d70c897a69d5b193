using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Pages.Overview;
using TrustAdvisor.Web.Pages.TeamDashboard;

namespace TrustAdvisor.Bench.Sql;

/// <summary>
/// Runs the team dashboard's and the advisor overview's own query code once through EF Core to capture the SQL they
/// send, then times those same statements directly through Npgsql (all of a page's statements in sequence, as the page
/// runs them) and saves EXPLAIN (ANALYZE, BUFFERS) of each. Prints a JSON summary.
///   --connection CS --manager EMAIL --advisor EMAIL --today yyyy-MM-dd --iterations 50 --explain-dir DIR
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i], i => args[(2 * i) + 1]);
        // The connection settings the app uses (ADR 8), for the capture, the EF timings and the raw SQL alike.
        var connectionString = DatabaseRegistration.TunePostgres(options["--connection"]);
        var today = DateOnly.ParseExact(options["--today"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var iterations = int.Parse(options.GetValueOrDefault("--iterations", "50"), CultureInfo.InvariantCulture);
        var explainDir = options.GetValueOrDefault("--explain-dir");

        var manager = await ViewerAsync(connectionString, options["--manager"]);
        var advisor = await ViewerAsync(connectionString, options["--advisor"]);

        var filter = new DashboardFilter { Period = DashboardFilter.Year };
        var (from, to) = filter.Dates(today);
        var dashboard = await CaptureAsync(connectionString, manager, db =>
            DashboardData.QueryAsync(db, new TeamScope(manager.TeamId!.Value, null, null, null, from, to, today), filter, filter.ByMonth(today), default));
        // The overview keeps the team's median for a few minutes: capture what it sends on a request once that is cached.
        using var cache = new MemoryCache(new MemoryCacheOptions());
        await CaptureAsync(connectionString, advisor, db => AttentionList.LoadAsync(db, cache, today, default));
        var overview = await CaptureAsync(connectionString, advisor, db => AttentionList.LoadAsync(db, cache, today, default));
        var overviewCold = await CaptureAsync(connectionString, advisor, db => AttentionList.LoadAsync(db, new MemoryCache(new MemoryCacheOptions()), today, default));

        await using var source = NpgsqlDataSource.Create(connectionString);
        var result = new
        {
            dashboard = await TimeAsync(source, dashboard, iterations),
            overview = await TimeAsync(source, overview, iterations),
            overview_uncached = await TimeAsync(source, overviewCold, iterations),
            dashboard_through_ef_p50_ms = await TimeThroughEfAsync(connectionString, manager, iterations, db =>
                DashboardData.QueryAsync(db, new TeamScope(manager.TeamId!.Value, null, null, null, from, to, today), filter, filter.ByMonth(today), default)),
            overview_through_ef_p50_ms = await TimeThroughEfAsync(connectionString, advisor, iterations, db => AttentionList.LoadAsync(db, cache, today, default)),
        };
        if (explainDir is not null)
        {
            Directory.CreateDirectory(explainDir);
            await ExplainAsync(source, dashboard, Path.Combine(explainDir, "team-dashboard.txt"));
            await ExplainAsync(source, overviewCold, Path.Combine(explainDir, "advisor-overview.txt"));
        }

        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    private sealed class FixedViewer(Viewer viewer) : IViewerAccessor
    {
        public Viewer Current => viewer;
    }

    private static async Task<Viewer> ViewerAsync(string connectionString, string email)
    {
        await using var db = Context(connectionString, new FixedViewer(Viewer.System), null);
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == normalized);
        return new Viewer(user.Id, user.TeamId, user.Role, SeesAll: user.Role == UserRole.Administrator);
    }

    private static PostgresDbContext Context(string connectionString, IViewerAccessor viewer, CapturedCommands? capture)
    {
        var builder = new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(connectionString);
        if (capture is not null)
        {
            builder.AddInterceptors(capture);
        }

        return new PostgresDbContext(builder.Options, viewer);
    }

    /// <summary>
    /// What one request of a page sends: the session check every signed-in request makes (the person and their claims,
    /// read by ASP.NET Core Identity's own store, as the security stamp is validated on each request), then the page's
    /// own query code.
    /// </summary>
    private static async Task<List<(string Sql, NpgsqlParameter[] Parameters)>> CaptureAsync<T>(
        string connectionString, Viewer viewer, Func<TrustAdvisorDbContext, Task<T>> pageQuery)
    {
        var capture = new CapturedCommands();
        await using var db = Context(connectionString, new FixedViewer(viewer), capture);
        using var store = new UserOnlyStore<AppUser, TrustAdvisorDbContext, Guid>(db);
        var user = await store.FindByIdAsync(viewer.UserId!.Value.ToString(), default);
        await store.GetClaimsAsync(user!, default);
        db.ChangeTracker.Clear();
        await pageQuery(db);
        return capture.Commands;
    }

    private static async Task<object> TimeAsync(NpgsqlDataSource source, List<(string Sql, NpgsqlParameter[] Parameters)> commands, int iterations)
    {
        await using var connection = await source.OpenConnectionAsync();
        var totals = new List<double>();
        var perStatement = commands.Select(_ => new List<double>()).ToList();
        for (var i = 0; i < iterations + 5; i++)
        {
            var total = Stopwatch.StartNew();
            for (var c = 0; c < commands.Count; c++)
            {
                var one = Stopwatch.StartNew();
                await using var command = new NpgsqlCommand(commands[c].Sql, connection);
                command.Parameters.AddRange(commands[c].Parameters.Select(p => p.Clone()).ToArray());
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                }

                if (i >= 5)
                {
                    perStatement[c].Add(one.Elapsed.TotalMilliseconds);
                }
            }

            if (i >= 5)
            {
                totals.Add(total.Elapsed.TotalMilliseconds);
            }
        }

        return new
        {
            statements = commands.Count,
            p50_ms = Percentile(totals, 0.50),
            p99_ms = Percentile(totals, 0.99),
            statement_p50_ms = perStatement.Select(s => Percentile(s, 0.50)).ToArray(),
        };
    }

    /// <summary>The page's own query code, through EF Core with a new DbContext each time (as each request gets).</summary>
    private static async Task<double> TimeThroughEfAsync<T>(string connectionString, Viewer viewer, int iterations, Func<TrustAdvisorDbContext, Task<T>> pageQuery)
    {
        var times = new List<double>();
        for (var i = 0; i < iterations + 5; i++)
        {
            var clock = Stopwatch.StartNew();
            await using (var db = Context(connectionString, new FixedViewer(viewer), null))
            {
                await pageQuery(db);
            }

            if (i >= 5)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return Percentile(times, 0.50);
    }

    private static async Task ExplainAsync(NpgsqlDataSource source, List<(string Sql, NpgsqlParameter[] Parameters)> commands, string path)
    {
        await using var connection = await source.OpenConnectionAsync();
        await using var file = File.CreateText(path);
        foreach (var (sql, parameters) in commands)
        {
            await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
            command.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            await file.WriteLineAsync("---- " + string.Join(", ", parameters.Select(p => $"{p.ParameterName}={p.Value}")));
            await file.WriteLineAsync(sql);
            await file.WriteLineAsync();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                await file.WriteLineAsync(reader.GetString(0));
            }

            await file.WriteLineAsync();
        }
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 2);
    }
}
