using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TrustAdvisor.Infrastructure.Persistence;

/// <summary>The zero-setup embedded default. Migrations: Migrations/Sqlite.</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : TrustAdvisorDbContext(options)
{
    public override SqlDialect Sql => SqlDialect.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite keeps timestamps as text without a zone; every timestamp the app writes is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        toStore => toStore,
        fromStore => DateTime.SpecifyKind(fromStore, DateTimeKind.Utc));
}
