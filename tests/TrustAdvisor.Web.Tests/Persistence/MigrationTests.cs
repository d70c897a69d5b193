using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Tests.Persistence;

/// <summary>The model and each provider's committed migrations agree: a change to the model comes with its migrations.</summary>
public class MigrationTests
{
    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=unused").Options);

        db.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for PostgresDbContext (docs/operations.md, Migrations)");
    }

    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite("Data Source=:memory:").Options);

        db.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for SqliteDbContext (docs/operations.md, Migrations)");
    }
}
