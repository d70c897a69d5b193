using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustAdvisor.Infrastructure.DemoData;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence;

public static partial class DatabaseInitializer
{
    /// <summary>Applies migrations (unless switched off) and loads the demo team into an empty database (unless switched off).</summary>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var db = scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var time = scope.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;

        if (options.MigrateOnStartup)
        {
            if (db.Database.IsSqlite())
            {
                await EmbeddedBaseline.AdoptAsync(db, cancellationToken);
            }

            // Migrate reads the history table before it creates one, and logs that read's failure on a new database
            // as an error (dotnet/efcore#37328); with the database and the table there first, a first start logs none.
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken))
            {
                await creator.CreateAsync(cancellationToken);
            }

            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            if (db.Database.IsSqlite() && await EmbeddedUpgradeCopy.MakeAsync(db, time, cancellationToken) is { } copy)
            {
                LogUpgradeCopy(logger, copy);
            }

            await db.Database.MigrateAsync(cancellationToken);
            LogMigrated(logger, options.Provider);
        }

        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers carry on while an assessment is being saved.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (options.DemoData)
        {
            var added = await DemoDataSeeder.SeedIfEmptyAsync(db, users, time, cancellationToken);
            if (added > 0)
            {
                LogDemoData(logger, added);
            }
        }
        else
        {
            // Their passwords are in the README: an installation that turned the demo off must not keep them usable.
            // With the database down the app still starts (it answers 503 until it is back); the next start does this.
            try
            {
                var deactivated = await DemoDataSeeder.DeactivateDemoAccountsAsync(users, cancellationToken);
                if (deactivated > 0)
                {
                    LogDemoAccountsDeactivated(logger, deactivated);
                }
            }
            catch (Exception e) when (DatabaseUnavailable.Is(e))
            {
                LogDemoAccountsNotChecked(logger);
            }
        }

        if (options.AdministratorEmail is { Length: > 0 } email && !await AccountSeeder.AdministratorExistsAsync(users))
        {
            // Unattended installs name their first administrator in configuration instead of using the setup page.
            var result = await AccountSeeder.CreateAsync(
                users, email, options.AdministratorPassword ?? string.Empty, "Administrator", UserRole.Administrator, time.GetUtcNow().UtcDateTime);
            AccountSeeder.Ensure(result, email);
            LogAdministrator(logger, email);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Copied the embedded database to {Copy} before upgrading it")]
    private static partial void LogUpgradeCopy(ILogger logger, string copy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator {Email} from configuration")]
    private static partial void LogAdministrator(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}, migrations applied)")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unreachable: demo accounts will be looked for at the next start")]
    private static partial void LogDemoAccountsNotChecked(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is off: deactivated {Count} demo accounts")]
    private static partial void LogDemoAccountsDeactivated(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the demo team: {Count} relationships with their history")]
    private static partial void LogDemoData(ILogger logger, int count);
}
