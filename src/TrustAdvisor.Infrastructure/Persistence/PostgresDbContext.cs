using Microsoft.EntityFrameworkCore;

namespace TrustAdvisor.Infrastructure.Persistence;

/// <summary>The production store. Migrations: Migrations/Postgres.</summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : TrustAdvisorDbContext(options)
{
    public override SqlDialect Sql => SqlDialect.Postgres;
}
