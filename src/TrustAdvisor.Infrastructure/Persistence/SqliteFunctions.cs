using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Trends;

namespace TrustAdvisor.Infrastructure.Persistence;

/// <summary>
/// What the hand-written aggregate queries need and SQLite lacks (ADR 6), added to every connection EF Core opens:
/// <c>median(x)</c>, the aggregate PostgreSQL spells <c>percentile_cont(0.5) WITHIN GROUP (ORDER BY x)</c>
/// (<see cref="SqlDialect.Median"/>), computed by the domain's own <see cref="TrustStatistics.Median"/>; and
/// <c>normalize_name(x)</c>, an organisation's key as <see cref="Organisation.Normalize"/> makes it (SQLite's own
/// <c>lower</c> leaves letters outside ASCII as they are), for the migration that brought organisations in.
/// </summary>
public sealed class SqliteFunctions : DbConnectionInterceptor
{
    public static SqliteFunctions Instance { get; } = new();

    private SqliteFunctions()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        // Each group starts from the null seed and gets a list of its own on its first value; NULLs are left out, as
        // PostgreSQL's aggregates do, and a group of none has no median.
        ((SqliteConnection)connection).CreateAggregate<double?, List<double>?, double?>(
            "median",
            null,
            (values, value) =>
            {
                values ??= [];
                if (value is { } v)
                {
                    values.Add(v);
                }

                return values;
            },
            values => TrustStatistics.Median(values ?? []),
            isDeterministic: true);
        ((SqliteConnection)connection).CreateFunction<string?, string?>(
            "normalize_name", name => name is null ? null : Organisation.Normalize(name), isDeterministic: true);
    }
}
