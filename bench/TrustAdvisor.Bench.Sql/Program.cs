using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Infrastructure.Reporting;
using TrustAdvisor.Web.Pages.Overview;
using TrustAdvisor.Web.Pages.TeamDashboard;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Bench.Sql;

/// <summary>
/// Runs the team dashboard's and the advisor overview's own query code once through EF Core to capture the SQL they
/// send, then times those same statements directly through Npgsql (as the page runs them: the dashboard's parts side by
/// side, each on a connection of its own, after the session check; and also all one after another), alone and
/// alternately with requests of the page itself when its address is given, and saves
/// EXPLAIN (ANALYZE, BUFFERS) of each. Prints a JSON summary.
///   --connection CS --manager EMAIL --advisor EMAIL --today yyyy-MM-dd --iterations 50 --explain-dir DIR
///   [--dashboard-url URL --manager-cookie COOKIE --overview-url URL --advisor-cookie COOKIE]
///   [--small-dashboard-url URL --small-manager-cookie COOKIE]   the dashboard of an app on the small dataset, timed
///                                                                side by side with --dashboard-url
/// Or, with --digests SECONDS, the weekly digest run (<see cref="DigestTimings"/>).
/// Or, with --calendars N --events E --calendar-port P --started-file F, one cycle of the app reading N calendars
/// (<see cref="CalendarTimings"/>).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i], i => args[(2 * i) + 1]);
        if (options.ContainsKey("--digests"))
        {
            return await DigestTimings.RunAsync(options);
        }

        if (options.ContainsKey("--calendars"))
        {
            return await CalendarTimings.RunAsync(options);
        }

        // The connection settings the app uses (ADR 8), for the capture, the EF timings and the raw SQL alike.
        var connectionString = DatabaseRegistration.TunePostgres(options["--connection"]);
        var today = DateOnly.ParseExact(options["--today"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var iterations = int.Parse(options.GetValueOrDefault("--iterations", "50"), CultureInfo.InvariantCulture);
        var explainDir = options.GetValueOrDefault("--explain-dir");

        var (manager, managerSession) = await ViewerAsync(connectionString, options["--manager"]);
        var (advisor, advisorSession) = await ViewerAsync(connectionString, options["--advisor"]);

        var filter = new DashboardFilter { Period = DashboardFilter.Year };
        var (from, to) = filter.Dates(today);
        var queries = new DashboardQueries(
            new TeamScope(manager.TeamId!.Value, null, null, null, from, to, today), filter.ByMonth(today), filter.StaleDaysOrDefault);
        var dashboard = InPageOrder(
            await CaptureAsync(connectionString, manager, managerSession, contexts => DashboardData.QueryAsync(contexts, queries, filter, default)),
            queries.All(SqlDialect.Postgres));
        // The overview keeps the team's median for a few minutes: capture what it sends on a request once that is cached.
        using var cache = new MemoryCache(new MemoryCacheOptions());
        await CaptureAsync(connectionString, advisor, advisorSession, OnOneContext(db => AttentionList.LoadAsync(db, cache, today, AttentionList.ClientViewDue.Default, team: null, default)));
        var overview = await CaptureAsync(connectionString, advisor, advisorSession, OnOneContext(db => AttentionList.LoadAsync(db, cache, today, AttentionList.ClientViewDue.Default, team: null, default)));
        var overviewCold = await CaptureAsync(
            connectionString, advisor, advisorSession, OnOneContext(db => AttentionList.LoadAsync(db, new MemoryCache(new MemoryCacheOptions()), today, AttentionList.ClientViewDue.Default, team: null, default)));

        await using var source = NpgsqlDataSource.Create(connectionString);
        // The app plans the dashboard's statements for their own values (SET LOCAL in each one's transaction,
        // TeamSql.QueryAsync); their raw timings get the same from the connection, without the two extra round trips.
        await using var dashboardSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c plan_cache_mode=force_custom_plan" }.ConnectionString);
        var result = new
        {
            dashboard = await Timings.StatementsAsync(dashboardSource, dashboard, iterations),
            dashboard_one_after_another = await Timings.StatementsAsync(dashboardSource, dashboard.OneAfterAnother(), iterations),
            overview = await Timings.StatementsAsync(source, overview, iterations),
            overview_uncached = await Timings.StatementsAsync(source, overviewCold, iterations),
            dashboard_through_ef_p50_ms = await TimeThroughEfAsync(connectionString, manager, iterations, contexts =>
                DashboardData.QueryAsync(contexts, queries, filter, default)),
            overview_through_ef_p50_ms = await TimeThroughEfAsync(
                connectionString, advisor, iterations, OnOneContext(db => AttentionList.LoadAsync(db, cache, today, AttentionList.ClientViewDue.Default, team: null, default))),
            // What EF Core adds to the overview's statements, the two timed in alternating blocks (on this shared
            // machine two separate timings differed by more than that).
            overview_through_ef_beside_statements = await Timings.QueryCodeBesideStatementsAsync(
                source, overview.WithoutSessionCheck(),
                ThroughEf(connectionString, advisor, OnOneContext(db => AttentionList.LoadAsync(db, cache, today, AttentionList.ClientViewDue.Default, team: null, default))), iterations * 10),
            dashboard_beside_page = options.TryGetValue("--dashboard-url", out var dashboardUrl)
                ? await Timings.PageBesideStatementsAsync(dashboardSource, dashboard, new Uri(dashboardUrl), options["--manager-cookie"], iterations)
                : null,
            // The overview is quick: ten times the rounds, for as steady a median.
            overview_beside_page = options.TryGetValue("--overview-url", out var overviewUrl)
                ? await Timings.PageBesideStatementsAsync(source, overview, new Uri(overviewUrl), options["--advisor-cookie"], iterations * 10)
                : null,
            dashboards_side_by_side = options.TryGetValue("--small-dashboard-url", out var smallDashboardUrl)
                ? await Timings.PagesSideBySideAsync(
                    new Uri(smallDashboardUrl), options["--small-manager-cookie"], new Uri(options["--dashboard-url"]), options["--manager-cookie"], iterations * 2)
                : null,
        };
        if (explainDir is not null)
        {
            Directory.CreateDirectory(explainDir);
            await ExplainAsync(dashboardSource, dashboard, Path.Combine(explainDir, "team-dashboard.txt"));
            await ExplainAsync(source, overviewCold, Path.Combine(explainDir, "advisor-overview.txt"));
        }

        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>
    /// The person as the app's requests see them, and the session the bench signed them in with (the newest open one)
    /// with the security stamp it was issued with.
    /// </summary>
    private static async Task<(Viewer Viewer, SessionKey Session)> ViewerAsync(string connectionString, string email)
    {
        await using var db = Context(connectionString, FixedViewerAccessor.System, null);
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == normalized);
        var session = await db.UserSessions.Where(s => s.UserId == user.Id && s.EndedAt == null).OrderByDescending(s => s.StartedAt).Select(s => s.Id).FirstAsync();
        return (new Viewer(user.Id, user.TeamId, user.Role, SeesAll: user.Role == UserRole.Administrator), new SessionKey(session, user.SecurityStamp!));
    }

    internal sealed record SessionKey(Guid Id, string Stamp);

    internal static PostgresDbContext Context(string connectionString, IViewerAccessor viewer, CapturedCommands? capture)
    {
        var builder = new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(connectionString);
        if (capture is not null)
        {
            builder.AddInterceptors(capture);
        }

        return new PostgresDbContext(builder.Options) { ViewerAccessor = viewer };
    }

    /// <summary>
    /// What one request of a page sends: the session check every signed-in request makes (the app's own
    /// <see cref="SessionCheck"/> query), then the page's own query code, on as many contexts as it takes.
    /// </summary>
    private static async Task<Statements> CaptureAsync<T>(
        string connectionString, Viewer viewer, SessionKey session, Func<IDbContextFactory<TrustAdvisorDbContext>, Task<T>> pageQuery)
    {
        var capture = new CapturedCommands();
        await using (var db = Context(connectionString, new FixedViewerAccessor(viewer), capture))
        {
            if (await SessionCheck.OpenAsync(db, session.Id, viewer.UserId!.Value, session.Stamp) is null)
            {
                throw new InvalidOperationException("The session check refused the benchmark's person.");
            }
        }

        await pageQuery(new Contexts(() => Context(connectionString, new FixedViewerAccessor(viewer), capture)));
        var commands = capture.Commands;
        return new Statements(commands, SideBySideFrom: commands.Count);
    }

    /// <summary>
    /// The dashboard's parts reach the database side by side, in no fixed order: put them in the page's order (the
    /// session check first), so that the report can name each, and mark them as run side by side.
    /// </summary>
    private static Statements InPageOrder(Statements captured, IReadOnlyList<(string Name, SqlStatement Statement)> parts)
    {
        // EF Core sends a raw statement with a line end added.
        var order = parts.Select(p => p.Statement.Sql.Trim()).ToList();
        var rest = captured.Commands.Skip(1).ToList();
        if (rest.Count != order.Count || rest.Any(c => !order.Contains(c.Sql.Trim())))
        {
            throw new InvalidOperationException("The dashboard sent other statements than DashboardQueries lists.");
        }

        return new Statements([captured.Commands[0], .. rest.OrderBy(c => order.IndexOf(c.Sql.Trim()))], SideBySideFrom: 1);
    }

    private static Func<IDbContextFactory<TrustAdvisorDbContext>, Task<T>> OnOneContext<T>(Func<TrustAdvisorDbContext, Task<T>> query) =>
        async contexts =>
        {
            await using var db = contexts.CreateDbContext();
            return await query(db);
        };

    /// <summary>The page's own query code, through EF Core with contexts from a pool, as the app has it.</summary>
    private static async Task<double> TimeThroughEfAsync<T>(
        string connectionString, Viewer viewer, int iterations, Func<IDbContextFactory<TrustAdvisorDbContext>, Task<T>> pageQuery)
    {
        var run = ThroughEf(connectionString, viewer, pageQuery);
        var times = new List<double>();
        for (var i = 0; i < iterations + 5; i++)
        {
            var ms = await run();
            if (i >= 5)
            {
                times.Add(ms);
            }
        }

        return Timings.Percentile(times, 0.50);
    }

    /// <summary>One run of a page's query code through EF Core, on contexts from a pool of its own; its time in ms.</summary>
    private static Func<Task<double>> ThroughEf<T>(
        string connectionString, Viewer viewer, Func<IDbContextFactory<TrustAdvisorDbContext>, Task<T>> pageQuery)
    {
        var pool = new PooledDbContextFactory<PostgresDbContext>(
            new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(connectionString).Options);
        var contexts = new Contexts(() =>
        {
            var db = pool.CreateDbContext();
            db.ViewerAccessor = new FixedViewerAccessor(viewer);
            return db;
        });
        return async () =>
        {
            var clock = Stopwatch.StartNew();
            await pageQuery(contexts);
            return clock.Elapsed.TotalMilliseconds;
        };
    }

    private sealed class Contexts(Func<TrustAdvisorDbContext> create) : IDbContextFactory<TrustAdvisorDbContext>
    {
        public TrustAdvisorDbContext CreateDbContext() => create();
    }

    private static async Task ExplainAsync(NpgsqlDataSource source, Statements page, string path)
    {
        await using var connection = await source.OpenConnectionAsync();
        await using var file = File.CreateText(path);
        foreach (var (sql, parameters) in page.Commands)
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
}
