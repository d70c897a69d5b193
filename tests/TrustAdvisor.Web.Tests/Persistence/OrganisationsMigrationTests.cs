using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Persistence;

/// <summary>
/// The migration that brought organisations and contacts in, on a database holding relationships from before it:
/// the same organisation name (trimmed, any case) is one organisation, the same contact email (any case), or without
/// one the same name, is one person, and a contact's "don't ask me again" is kept.
/// </summary>
public sealed class OrganisationsMigrationTests : IDisposable
{
    private const string Migration = "OrganisationsAndContacts";
    private readonly TempFolder _folder = new();

    /// <summary>Made a day apart, in this order: an organisation keeps its first spelling, a person their latest.</summary>
    private static readonly (string Id, string Organisation, string Contact, string? Email, bool OptedOut)[] Before =
    [
        ("0193a4d2-0000-7000-8000-000000000001", "Acme Ltd", "Jo Bloggs", "jo@acme.test", true),
        ("0193a4d2-0000-7000-8000-000000000002", "  acme ltd ", "Sam Lee", null, false),
        ("0193a4d2-0000-7000-8000-000000000003", "ACME LTD", "Joanna Bloggs", "JO@acme.test", false),
        ("0193a4d2-0000-7000-8000-000000000004", "Acme Ltd", "sam lee ", null, false),
        ("0193a4d2-0000-7000-8000-000000000005", "Ärzte Nord", "Jo Bloggs", null, false),
        ("0193a4d2-0000-7000-8000-000000000006", "ärzte nord", "Kai Berg", "kai@aerzte.test", false),
    ];

    [Fact]
    public async Task On_postgres_the_old_rows_become_organisations_and_people_and_go_back_on_the_way_down()
    {
        var server = await PostgresServer.GetAsync();
        await using var db = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(await server.CreateDatabaseAsync()).Options);
        await MigrateToJustBeforeAsync(db);
        foreach (var (r, day) in Before.Select((r, i) => (r, i + 1)))
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO relationships (id, client_organisation, contact_name, contact_role, contact_email, contact_opted_out_at, stage, next_review_date, created_at, is_demo, version)
                VALUES ({0}::uuid, {1}, {2}, NULL, NULLIF({3}, ''), CASE WHEN {4} THEN TIMESTAMPTZ '2026-11-20 00:00Z' END, 'Establish', DATE '2027-01-01', {5}, FALSE, {0}::uuid)
                """,
                r.Id, r.Organisation, r.Contact, r.Email ?? "", r.OptedOut,
                new DateTime(2026, 11, day, 9, 0, 0, DateTimeKind.Utc));
        }

        await db.GetService<IMigrator>().MigrateAsync();
        await AssertMigratedAsync(db);

        await db.GetService<IMigrator>().MigrateAsync(JustBefore(db));
        var restored = await db.Database.SqlQueryRaw<string>(
            "SELECT client_organisation || '/' || contact_name || '/' || coalesce(contact_email, '-') || '/' || (contact_opted_out_at IS NOT NULL)::text AS \"Value\" FROM relationships ORDER BY created_at").ToListAsync();
        restored.ShouldBe(["Acme Ltd/Joanna Bloggs/JO@acme.test/true", "Acme Ltd/sam lee/-/false", "Acme Ltd/Joanna Bloggs/JO@acme.test/true",
            "Acme Ltd/sam lee/-/false", "Ärzte Nord/Jo Bloggs/-/false", "Ärzte Nord/Kai Berg/kai@aerzte.test/false"],
            "each relationship takes its person's details back");
    }

    [Fact]
    public async Task On_sqlite_the_old_rows_become_organisations_and_people()
    {
        await using var db = new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>()
            .UseSqlite(_folder.SqliteFile("organisations.db")).AddInterceptors(SqliteFunctions.Instance).Options);
        await MigrateToJustBeforeAsync(db);
        foreach (var (r, day) in Before.Select((r, i) => (r, i + 1)))
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO relationships (id, client_organisation, contact_name, contact_role, contact_email, contact_opted_out_at, stage, next_review_date, created_at, is_demo, version)
                VALUES (upper({0}), {1}, {2}, NULL, NULLIF({3}, ''), CASE WHEN {4} THEN '2026-11-20 00:00:00' END, 'Establish', '2027-01-01', {5}, 0, upper({0}))
                """,
                r.Id, r.Organisation, r.Contact, r.Email ?? "", r.OptedOut,
                $"2026-11-0{day} 09:00:00");
        }

        await db.GetService<IMigrator>().MigrateAsync();
        await AssertMigratedAsync(db);
    }

    private static async Task AssertMigratedAsync(TrustAdvisorDbContext db)
    {
        db.ViewerAccessor = FixedViewerAccessor.System;
        var organisations = await db.Organisations.OrderBy(o => o.NormalizedName).Select(o => o.Name).ToListAsync();
        organisations.ShouldBe(["Acme Ltd", "Ärzte Nord"], "the first spelling of each name, trimmed");

        var relationships = await db.Relationships.OrderBy(r => r.CreatedAt)
            .Select(r => new { r.ContactId, r.Contact.Name, r.Contact.Email, r.Contact.OptedOutAt, Organisation = r.Contact.Organisation.Name })
            .ToListAsync();
        relationships.Select(r => r.Organisation).ShouldBe(["Acme Ltd", "Acme Ltd", "Acme Ltd", "Acme Ltd", "Ärzte Nord", "Ärzte Nord"]);
        relationships[0].ContactId.ShouldBe(relationships[2].ContactId, "the same address in another case is the same person");
        relationships[0].OptedOutAt.ShouldNotBeNull("their choice not to be asked again is kept");
        (relationships[0].Name, relationships[0].Email).ShouldBe(("Joanna Bloggs", "JO@acme.test"), "the latest spelling");
        relationships[1].ContactId.ShouldBe(relationships[3].ContactId, "the same name without an address is the same person");
        relationships[1].ContactId.ShouldNotBe(relationships[0].ContactId);
        relationships[4].ContactId.ShouldNotBe(relationships[0].ContactId, "a name at another organisation is another person");
        (await db.Contacts.CountAsync()).ShouldBe(4);
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    private static async Task MigrateToJustBeforeAsync(TrustAdvisorDbContext db) => await db.GetService<IMigrator>().MigrateAsync(JustBefore(db));

    private static string JustBefore(TrustAdvisorDbContext db)
    {
        var migrations = db.Database.GetMigrations().ToList();
        return migrations[migrations.FindIndex(m => m.EndsWith("_" + Migration, StringComparison.Ordinal)) - 1];
    }

    public void Dispose() => _folder.Dispose();
}
