using System.Net.Sockets;
using Npgsql;

namespace TrustAdvisor.Infrastructure.Persistence;

/// <summary>Whether an error means the database could not be reached, rather than a fault in the request or the app.</summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Connection failures (08…), shutting down or starting up (57P01-57P03), out of connections (53300),
                // the database closed to connections by its administrator (55000).
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "55000";
                case NpgsqlException:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
