using System.Reflection;
using System.Text.RegularExpressions;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Infrastructure.Reporting;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Reporting;

/// <summary>Raw reporting SQL is not reached by EF Core's query filters: it must keep to one team by itself, in one way.</summary>
public partial class TeamSqlTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    /// <summary>Raw SQL the app runs that is not a report, each with why it needs no team.</summary>
    private static readonly Dictionary<string, string> NotReports = new()
    {
        ["src/TrustAdvisor.Infrastructure/Persistence/DatabaseInitializer.cs"] = "sets SQLite's journal mode at start; reads no rows",
        ["src/TrustAdvisor.Infrastructure/Persistence/EmbeddedBaseline.cs"] = "records a migration in the history table at start (ADR 11)",
        ["src/TrustAdvisor.Infrastructure/Persistence/EmbeddedUpgradeCopy.cs"] = "copies the embedded file before an upgrade (ADR 19); reads no rows",
    };

    [Fact]
    public void The_app_runs_raw_sql_only_through_TeamSql()
    {
        var callers = Repository.Files("src", ".cs")
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => RawSql().IsMatch(File.ReadAllText(path)))
            .Select(Repository.Relative)
            .Where(path => !NotReports.ContainsKey(path))
            .ToList();

        callers.ShouldBe(["src/TrustAdvisor.Infrastructure/Reporting/TeamSql.cs"]);
    }

    /// <summary>
    /// Every method of the app that makes a reporting statement, found by reflection (so one added later is checked
    /// too), called on both databases with filters on and off.
    /// </summary>
    [Fact]
    public void Every_reporting_statement_reads_relationships_only_through_the_team_rule()
    {
        var makers = typeof(SqlStatement).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(SqlStatement) && !m.IsSpecialName && !m.Name.Contains('<', StringComparison.Ordinal))
            .ToList();
        makers.Select(m => m.DeclaringType!.Name).Distinct().Count().ShouldBeGreaterThanOrEqualTo(7, "the dashboard's parts, its query list and the team median");

        var checkedStatements = 0;
        foreach (var maker in makers)
        {
            foreach (var statement in Call(maker))
            {
                Should.NotThrow(() => TeamSql.EnsureScoped(statement), $"{maker.DeclaringType!.Name}.{maker.Name}");
                checkedStatements++;
            }
        }

        checkedStatements.ShouldBeGreaterThan(makers.Count);
    }

    [Theory]
    [InlineData("SELECT id FROM relationships")]
    [InlineData("WITH rel AS (SELECT r.id FROM relationships r WHERE r.team_id = @team) SELECT x.id FROM relationships x")]
    [InlineData("SELECT a.id FROM assessments a")]
    public void A_statement_that_reads_around_the_rule_is_refused(string sql)
    {
        var statement = new SqlStatement(sql, [SqlDialect.Postgres.Id(TeamSql.TeamParameter, Guid.NewGuid())]);

        Should.Throw<InvalidOperationException>(() => TeamSql.EnsureScoped(statement));
    }

    [Fact]
    public void A_statement_without_a_team_is_refused()
    {
        var statement = new SqlStatement($"SELECT r.id {TeamSql.Relationships}", [SqlDialect.Postgres.Id(TeamSql.TeamParameter, null)]);

        Should.Throw<InvalidOperationException>(() => TeamSql.EnsureScoped(statement));
    }

    [Fact]
    public void A_statement_runs_only_for_a_team_its_viewer_may_read()
    {
        var (own, other, unrelated) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        SqlStatement For(Guid team) => new($"SELECT r.id {TeamSql.Relationships}", [SqlDialect.Postgres.Id(TeamSql.TeamParameter, team)]);
        var manager = new Viewer(Guid.NewGuid(), own, UserRole.Manager, SeesAll: false, [other]);
        var advisor = new Viewer(Guid.NewGuid(), own, UserRole.Advisor, SeesAll: false, [other]);

        Should.NotThrow(() => TeamSql.EnsureViewerMayRead(manager, For(own)));
        Should.NotThrow(() => TeamSql.EnsureViewerMayRead(manager, For(other)));
        Should.Throw<InvalidOperationException>(() => TeamSql.EnsureViewerMayRead(manager, For(unrelated)));
        Should.NotThrow(() => TeamSql.EnsureViewerMayRead(advisor, For(own)), "an advisor's overview compares with their team's median");
        Should.Throw<InvalidOperationException>(() => TeamSql.EnsureViewerMayRead(advisor, For(other)), "only managers look after other teams");
        Should.NotThrow(() => TeamSql.EnsureViewerMayRead(Viewer.System, For(unrelated)));
        Should.Throw<InvalidOperationException>(() => TeamSql.EnsureViewerMayRead(Viewer.Nobody, For(own)));
    }

    private static IEnumerable<SqlStatement> Call(MethodInfo maker)
    {
        foreach (var dialect in new[] { SqlDialect.Postgres, SqlDialect.Sqlite })
        {
            foreach (var scope in Scopes())
            {
                foreach (var flag in new[] { false, true })
                {
                    var arguments = maker.GetParameters().Select(p => Argument(p.ParameterType, dialect, scope, flag)).ToArray();
                    object? target = maker.IsStatic ? null
                        : maker.DeclaringType == typeof(TeamScope) ? scope
                        : new DashboardQueries(scope, flag, 60) { EveryRow = flag };
                    yield return (SqlStatement)maker.Invoke(target, arguments)!;
                }
            }
        }
    }

    private static object Argument(Type type, SqlDialect dialect, TeamScope scope, bool flag) =>
        type == typeof(SqlDialect) ? dialect
        : type == typeof(TeamScope) ? scope
        : type == typeof(Guid) ? Guid.NewGuid()
        : type == typeof(int) ? 10
        : type == typeof(bool) ? flag
        : type == typeof(string) ? $"SELECT r.id {TeamSql.Relationships}"
        : type == typeof(System.Data.Common.DbParameter[]) ? Array.Empty<System.Data.Common.DbParameter>()
        : throw new InvalidOperationException($"The test does not know how to make a {type.Name}: add it here.");

    private static IEnumerable<TeamScope> Scopes()
    {
        yield return new TeamScope(Guid.NewGuid(), null, null, null, Today.AddYears(-1), Today, Today);
        yield return new TeamScope(Guid.NewGuid(), Guid.NewGuid(), RelationshipStage.Maintain, "Harbour", Today.AddDays(-27), Today, Today);
    }

    [GeneratedRegex(@"\b(SqlQueryRaw|SqlQuery|FromSqlRaw|FromSql|FromSqlInterpolated|ExecuteSqlRaw\w*|ExecuteSql\w*|CreateCommand|NpgsqlCommand|SqliteCommand)\b")]
    private static partial Regex RawSql();
}
