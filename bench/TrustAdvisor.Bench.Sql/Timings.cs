using System.Diagnostics;
using Npgsql;

namespace TrustAdvisor.Bench.Sql;

/// <summary>
/// A page's captured statements, each with a copy of the parameters EF Core sent, in the page's order; the page runs
/// those from <paramref name="SideBySideFrom"/> on at the same time, each on a connection of its own (the dashboard's
/// parts), and the ones before it one after another.
/// </summary>
internal sealed record Statements(List<(string Sql, NpgsqlParameter[] Parameters)> Commands, int SideBySideFrom)
{
    public int Connections => Math.Max(1, Commands.Count - SideBySideFrom);

    /// <summary>The same statements, all one after another: what each costs without the others beside it.</summary>
    public Statements OneAfterAnother() => this with { SideBySideFrom = Commands.Count };

    /// <summary>The statements of the page's query code alone: all but the first, the request's session check.</summary>
    public Statements WithoutSessionCheck() => new([.. Commands.Skip(1)], Math.Max(0, SideBySideFrom - 1));
}

/// <summary>Timings of a page's statements straight through Npgsql, alone or side by side with the page itself.</summary>
internal static class Timings
{
    private const int WarmUp = 5;

    /// <summary>All of a page's statements as the page runs them; p50 of the whole (start to last answer) and of each.</summary>
    public static async Task<object> StatementsAsync(NpgsqlDataSource source, Statements page, int iterations)
    {
        await using var connections = await Connections.OpenAsync(source, page.Connections);
        var totals = new List<double>();
        var perStatement = page.Commands.Select(_ => new List<double>()).ToList();
        for (var i = 0; i < iterations + WarmUp; i++)
        {
            var (total, each) = await RunAsync(connections, page);
            if (i >= WarmUp)
            {
                totals.Add(total);
                for (var c = 0; c < each.Length; c++)
                {
                    perStatement[c].Add(each[c]);
                }
            }
        }

        return new
        {
            statements = page.Commands.Count,
            p50_ms = Percentile(totals, 0.50),
            p99_ms = Percentile(totals, 0.99),
            statement_p50_ms = perStatement.Select(s => Percentile(s, 0.50)).ToArray(),
        };
    }

    /// <summary>
    /// The page and its statements side by side (see <see cref="AlternateAsync"/>): the ratio of the page's p50 to
    /// its statements' p50.
    /// </summary>
    public static async Task<object> PageBesideStatementsAsync(
        NpgsqlDataSource source, Statements page, Uri url, string cookie, int iterations)
    {
        using var http = OneConnectionClient();
        await using var connections = await Connections.OpenAsync(source, page.Connections);
        var (pageTimes, sqlTimes) = await AlternateAsync(
            () => RequestAsync(http, url, cookie), async () => (await RunAsync(connections, page)).Total, iterations);
        var pageP50 = Percentile(pageTimes, 0.50);
        var sqlP50 = Percentile(sqlTimes, 0.50);
        return new { iterations = pageTimes.Count, page_p50_ms = pageP50, sql_p50_ms = sqlP50, ratio = Math.Round(pageP50 / sqlP50, 2) };
    }

    /// <summary>
    /// A page's query code through EF Core and its statements straight through Npgsql, in alternating blocks (see
    /// <see cref="AlternateAsync"/>): what EF Core adds, turning the rows into objects.
    /// </summary>
    public static async Task<object> QueryCodeBesideStatementsAsync(
        NpgsqlDataSource source, Statements statements, Func<Task<double>> queryCode, int iterations)
    {
        await using var connections = await Connections.OpenAsync(source, statements.Connections);
        var (codeTimes, sqlTimes) = await AlternateAsync(queryCode, async () => (await RunAsync(connections, statements)).Total, iterations);
        var codeP50 = Percentile(codeTimes, 0.50);
        var sqlP50 = Percentile(sqlTimes, 0.50);
        return new { iterations = codeTimes.Count, query_code_p50_ms = codeP50, sql_p50_ms = sqlP50, added_ms = Math.Round(codeP50 - sqlP50, 2) };
    }

    /// <summary>
    /// The same page served by two apps (one on the small dataset, one on the big) side by side: the ratio of the big
    /// one's p50 to the small one's, i.e. what ten times the data costs.
    /// </summary>
    public static async Task<object> PagesSideBySideAsync(Uri small, string smallCookie, Uri big, string bigCookie, int iterations)
    {
        using var smallHttp = OneConnectionClient();
        using var bigHttp = OneConnectionClient();
        var (smallTimes, bigTimes) = await AlternateAsync(
            () => RequestAsync(smallHttp, small, smallCookie), () => RequestAsync(bigHttp, big, bigCookie), iterations);
        var smallP50 = Percentile(smallTimes, 0.50);
        var bigP50 = Percentile(bigTimes, 0.50);
        return new { iterations = smallTimes.Count, small_p50_ms = smallP50, big_p50_ms = bigP50, ratio = Math.Round(bigP50 / smallP50, 2) };
    }

    /// <summary>
    /// Ten rounds, each a block of runs of <paramref name="first"/> then a block of <paramref name="second"/>, so that
    /// both are measured at the same moments of a shared machine, and each in a steady run of its own, not woken from
    /// idle between single calls. A first round warms both up and is not counted.
    /// </summary>
    private static async Task<(List<double> First, List<double> Second)> AlternateAsync(
        Func<Task<double>> first, Func<Task<double>> second, int iterations)
    {
        const int Rounds = 10;
        var firstTimes = new List<double>();
        var secondTimes = new List<double>();
        var block = Math.Max(1, iterations / Rounds);
        for (var round = -1; round < Rounds; round++)
        {
            foreach (var (run, times) in new[] { (first, firstTimes), (second, secondTimes) })
            {
                for (var i = 0; i < block; i++)
                {
                    var ms = await run();
                    if (round >= 0)
                    {
                        times.Add(ms);
                    }
                }
            }
        }

        return (firstTimes, secondTimes);
    }

    /// <summary>One keep-alive connection, as a browser's.</summary>
    private static HttpClient OneConnectionClient() =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1, UseCookies = false, AllowAutoRedirect = false });

    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 2);
    }

    private static async Task<double> RequestAsync(HttpClient http, Uri url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if ((int)response.StatusCode != 200 || body.Length == 0)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}.");
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>One run of a page's statements: the time from the first's start to the last answer, and each one's.</summary>
    private static async Task<(double Total, double[] Each)> RunAsync(Connections connections, Statements page)
    {
        var times = new double[page.Commands.Count];
        var clock = Stopwatch.StartNew();
        for (var c = 0; c < Math.Min(page.SideBySideFrom, page.Commands.Count); c++)
        {
            times[c] = await RunAsync(connections[0], page.Commands[c]);
        }

        var sideBySide = Enumerable.Range(page.SideBySideFrom, Math.Max(0, page.Commands.Count - page.SideBySideFrom))
            .Select(async c => times[c] = await RunAsync(connections[c - page.SideBySideFrom], page.Commands[c]));
        await Task.WhenAll(sideBySide);
        return (clock.Elapsed.TotalMilliseconds, times);
    }

    private static async Task<double> RunAsync(NpgsqlConnection connection, (string Sql, NpgsqlParameter[] Parameters) statement)
    {
        var clock = Stopwatch.StartNew();
        await using var command = new NpgsqlCommand(statement.Sql, connection);
        command.Parameters.AddRange(statement.Parameters.Select(p => p.Clone()).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>As many open connections as a page's statements use at once, kept open for a whole timing.</summary>
    private sealed class Connections(NpgsqlConnection[] open) : IAsyncDisposable
    {
        public NpgsqlConnection this[int index] => open[index];

        public static async Task<Connections> OpenAsync(NpgsqlDataSource source, int count)
        {
            var open = new NpgsqlConnection[count];
            for (var i = 0; i < count; i++)
            {
                open[i] = await source.OpenConnectionAsync();
            }

            return new Connections(open);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var connection in open)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
