using System.Diagnostics;
using Npgsql;

namespace TrustAdvisor.Bench.Sql;

/// <summary>A page's captured statements, each with a copy of the parameters EF Core sent.</summary>
internal sealed record Statements(List<(string Sql, NpgsqlParameter[] Parameters)> Commands);

/// <summary>Timings of a page's statements straight through Npgsql, alone or side by side with the page itself.</summary>
internal static class Timings
{
    private const int WarmUp = 5;

    /// <summary>All of a page's statements in sequence on one connection, as the page runs them; p50 of the whole and of each.</summary>
    public static async Task<object> StatementsAsync(NpgsqlDataSource source, Statements page, int iterations)
    {
        await using var connection = await source.OpenConnectionAsync();
        var totals = new List<double>();
        var perStatement = page.Commands.Select(_ => new List<double>()).ToList();
        for (var i = 0; i < iterations + WarmUp; i++)
        {
            var each = await RunAsync(connection, page);
            if (i >= WarmUp)
            {
                totals.Add(each.Sum());
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
    /// The page and its statements side by side: ten rounds, each a block of requests of the page (one keep-alive
    /// connection, as a browser's), then a block of runs of its statements straight through Npgsql, so that both are
    /// measured at the same moments of a shared machine, and each in a steady run of its own, not woken from idle
    /// between single requests. The ratio is of the two p50s.
    /// </summary>
    public static async Task<object> PageBesideStatementsAsync(
        NpgsqlDataSource source, Statements page, Uri url, string cookie, int iterations)
    {
        const int Rounds = 10;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, UseCookies = false, AllowAutoRedirect = false });
        await using var connection = await source.OpenConnectionAsync();
        var pageTimes = new List<double>();
        var sqlTimes = new List<double>();
        var block = Math.Max(1, iterations / Rounds);
        for (var round = -1; round < Rounds; round++)
        {
            // Round -1 warms both up.
            for (var i = 0; i < block; i++)
            {
                var ms = await RequestAsync(http, url, cookie);
                if (round >= 0)
                {
                    pageTimes.Add(ms);
                }
            }

            for (var i = 0; i < block; i++)
            {
                var ms = (await RunAsync(connection, page)).Sum();
                if (round >= 0)
                {
                    sqlTimes.Add(ms);
                }
            }
        }

        var pageP50 = Percentile(pageTimes, 0.50);
        var sqlP50 = Percentile(sqlTimes, 0.50);
        return new { iterations = pageTimes.Count, page_p50_ms = pageP50, sql_p50_ms = sqlP50, ratio = Math.Round(pageP50 / sqlP50, 2) };
    }

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

    private static async Task<double[]> RunAsync(NpgsqlConnection connection, Statements page)
    {
        var times = new double[page.Commands.Count];
        for (var c = 0; c < page.Commands.Count; c++)
        {
            var clock = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(page.Commands[c].Sql, connection);
            command.Parameters.AddRange(page.Commands[c].Parameters.Select(p => p.Clone()).ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }

            times[c] = clock.Elapsed.TotalMilliseconds;
        }

        return times;
    }
}
