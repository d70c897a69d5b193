using Microsoft.EntityFrameworkCore;

namespace TrustAdvisor.Web.Tests.Fixtures;

/// <summary>The embedded default: a SQLite file in a temp folder, demo data on, as a new user gets it.</summary>
public class SqliteApp : AppFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"trustadvisor-sqlite-{Guid.NewGuid():N}");

    private string FileConnectionString => $"Data Source={Path.Combine(_folder, "trustadvisor.db")}";

    protected override bool DemoData => true;

    protected override Task<(string, string)> CreateDatabaseAsync() => Task.FromResult(("Sqlite", FileConnectionString));

    protected override Task AssertProviderAsync() =>
        QueryAsync(db => Task.FromResult(db.Database.IsSqlite()
            ? true
            : throw new InvalidOperationException("The SQLite fixture is not running on SQLite.")));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
