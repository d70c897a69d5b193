using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TrustAdvisor.Infrastructure.Persistence;

// Used only by the migrations tool (dotnet ef); the app configures its context from appsettings.
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDbContext>
{
    public PostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDbContext>()
            .UseNpgsql(args.FirstOrDefault() ?? "Host=localhost;Database=trustadvisor_design")
            .Options);
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDbContext>
{
    public SqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDbContext>()
            .UseSqlite(args.FirstOrDefault() ?? "Data Source=design.db")
            .AddInterceptors(SqliteFunctions.Instance)
            .Options);
}
