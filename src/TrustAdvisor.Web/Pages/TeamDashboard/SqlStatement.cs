using System.Data.Common;

namespace TrustAdvisor.Web.Pages.TeamDashboard;

/// <summary>One dashboard query: its SQL, and the parameters it adds to its <see cref="TeamScope"/>'s.</summary>
public sealed record SqlStatement(string Sql, IReadOnlyList<DbParameter> Parameters);
