using Microsoft.Data.Sqlite;

namespace TrustAdvisor.Web.Tests.Infrastructure;

/// <summary>A folder of a test's own, removed afterwards (SQLite's pooled connections to files in it closed first).</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("trustadvisor-test-").FullName;

    /// <summary>A connection string for a SQLite file in this folder (created by whoever opens it first).</summary>
    public string SqliteFile(params string[] parts) => $"Data Source={System.IO.Path.Combine([Path, .. parts])}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
