using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace TrustAdvisor.Bench.Sql;

/// <summary>
/// Records every command EF Core sends (its text and a copy of its parameters) while a page's query code runs, from
/// several contexts at once where the page runs queries side by side.
/// </summary>
internal sealed class CapturedCommands : DbCommandInterceptor
{
    private readonly List<(string Sql, NpgsqlParameter[] Parameters)> _commands = [];
    private readonly Lock _gate = new();

    public List<(string Sql, NpgsqlParameter[] Parameters)> Commands
    {
        get
        {
            lock (_gate)
            {
                return [.. _commands];
            }
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        var captured = (command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray());
        lock (_gate)
        {
            _commands.Add(captured);
        }

        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
