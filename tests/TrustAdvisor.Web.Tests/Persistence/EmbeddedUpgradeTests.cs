using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Persistence;

/// <summary>An embedded database made by the SQLite migrations before their baseline (ADR 11) starts as it was.</summary>
public sealed class EmbeddedUpgradeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string ConnectionString => _folder.SqliteFile("trustadvisor.db");

    [Fact]
    public async Task A_database_made_by_the_old_migrations_keeps_its_data_and_needs_nothing_more()
    {
        var script = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "tests/TrustAdvisor.Web.Tests/Persistence/Fixtures/sqlite-before-baseline.sql"));
        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = script + """

                INSERT INTO teams (id, name, created_at, is_demo) VALUES ('0193A4D2-0000-7000-8000-000000000001', 'Kept Team', '2026-11-30 09:00:00', 0);
                INSERT INTO relationships (id, client_organisation, contact_name, contact_role, stage, next_review_date, created_at, archived_at, is_demo, version, owner_id, team_id)
                VALUES ('0193A4D2-0000-7000-8000-000000000002', 'Kept Client', 'Ada Lovelace', NULL, 'Establish', '2026-12-30', '2026-11-30 09:00:00', NULL, 0,
                        '0193A4D2-0000-7000-8000-000000000004', NULL, '0193A4D2-0000-7000-8000-000000000001');
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using var app = new TrustAdvisorFactory("Sqlite", ConnectionString, demoData: false, new FixedClock(FixedClock.Default));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>();
        db.ViewerAccessor = FixedViewerAccessor.System;

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldContain(db.Database.GetMigrations().First());
        (await db.Relationships.Include(r => r.Contact).ThenInclude(c => c.Organisation).SingleAsync()).Contact.Organisation.Name.ShouldBe("Kept Client");
        Directory.GetFiles(_folder.Path, "trustadvisor.db.before-upgrade-*").Length
            .ShouldBe(1, "a copy of the file as it was, in case an upgrade is cut short");
    }

    public void Dispose() => _folder.Dispose();
}
