using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace TrustAdvisor.Bench.Sql;

/// <summary>Records every command EF Core sends (its text and a copy of its parameters) while a page's query code runs.</summary>
internal sealed class CapturedCommands : DbCommandInterceptor
{
    public List<(string Sql, NpgsqlParameter[] Parameters)> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Add((command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray()));
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
