namespace TrustAdvisor.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts. Turn off where deployments migrate separately.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// Load the demo team and its published accounts into an empty database at start. Off unless set: only
    /// Development (`dotnet run`) sets it, in appsettings.Development.json. Off, the demo accounts are deactivated.
    /// </summary>
    public bool DemoData { get; set; }

    /// <summary>
    /// The PostgreSQL password, kept out of the connection string (a container's secret, say): set here, it is
    /// added to ConnectionStrings:Postgres as a value of its own, so no character in it can break that string.
    /// </summary>
    public string? PostgresPassword { get; set; }

    /// <summary>For unattended installs: the first administrator, created at start when there is none.</summary>
    public string? AdministratorEmail { get; set; }

    public string? AdministratorPassword { get; set; }
}
