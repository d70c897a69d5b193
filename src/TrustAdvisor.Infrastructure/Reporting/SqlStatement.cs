using System.Data.Common;

namespace TrustAdvisor.Infrastructure.Reporting;

/// <summary>One reporting statement: its SQL and every parameter it takes (run it with <see cref="TeamSql.QueryAsync"/>).</summary>
public sealed record SqlStatement(string Sql, IReadOnlyList<DbParameter> Parameters);
