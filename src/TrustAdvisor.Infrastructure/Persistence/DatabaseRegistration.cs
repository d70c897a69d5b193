using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TrustAdvisor.Infrastructure.Persistence;

public static class DatabaseRegistration
{
    public const string DefaultSqlite = "Data Source=App_Data/trustadvisor.db";

    /// <summary>Registers <see cref="TrustAdvisorDbContext"/> on the provider the configuration names.</summary>
    public static IServiceCollection AddTrustAdvisorDatabase(
        this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);

        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = PostgresConnectionString(configuration, options);
                services.AddPooledDbContextFactory<PostgresDbContext>(o => o.UseNpgsql(TunePostgres(postgres)));
                services.AddScoped<IDbContextFactory<TrustAdvisorDbContext>, ViewerContextFactory<PostgresDbContext>>();
                services.AddSingleton(s => SystemContextsOf<PostgresDbContext>(s));
                break;
            case DatabaseProvider.Sqlite:
                var sqlite = ResolveSqlite(configuration.GetConnectionString("Sqlite") ?? DefaultSqlite, contentRoot);
                // A migration that rebuilds a table switches SQLite's foreign keys off outside its transaction; the initializer
                // copies an existing file first (EmbeddedUpgradeCopy), so that is said, not warned about, on every new install.
                services.AddPooledDbContextFactory<SqliteDbContext>(o => o.UseSqlite(sqlite).AddInterceptors(SqliteFunctions.Instance)
                    .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information))));
                services.AddScoped<IDbContextFactory<TrustAdvisorDbContext>, ViewerContextFactory<SqliteDbContext>>();
                services.AddSingleton(s => SystemContextsOf<SqliteDbContext>(s));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite or Postgres.");
        }

        // The scope's (a request's) own context: a lease from the pool that the scope's end returns. Pooled because
        // building EF Core's per-context services was a measurable share of every request's CPU (ADR 9).
        services.AddScoped(s => s.GetRequiredService<IDbContextFactory<TrustAdvisorDbContext>>().CreateDbContext());
        return services;
    }

    private static SystemContexts SystemContextsOf<TContext>(IServiceProvider services)
        where TContext : TrustAdvisorDbContext
    {
        var pool = services.GetRequiredService<IDbContextFactory<TContext>>();
        return new SystemContexts(() => new ViewerContextFactory<TContext>(pool, FixedViewerAccessor.System).CreateDbContext());
    }

    /// <summary>ConnectionStrings:Postgres, with Database:PostgresPassword added when that is set.</summary>
    public static string PostgresConnectionString(IConfiguration configuration, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var postgres = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(postgres))
        {
            throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:Postgres is empty. " +
                "Set it, e.g. ConnectionStrings__Postgres=\"Host=localhost;Database=trustadvisor;Username=...;Password=...\".");
        }

        return options.PostgresPassword is { Length: > 0 } password
            ? new NpgsqlConnectionStringBuilder(postgres) { Password = password }.ConnectionString
            : postgres;
    }

    /// <summary>
    /// Two Npgsql settings, unless the connection string sets them itself: the app keeps no session state on a
    /// connection (no SET, temporary tables or advisory locks), so a pooled connection need not be reset with
    /// DISCARD ALL before its next use, which also keeps its prepared statements; and the statements every request
    /// repeats (the session check, a relationship's header, the insert) are prepared after a few uses, so
    /// PostgreSQL stops parsing and, mostly, planning them each time.
    /// Measured: PostgreSQL's CPU per scoring post halved (ADR 8).
    /// </summary>
    public static string TunePostgres(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows; a plain one holds only what was given.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 50;
        }

        // PostgreSQL's default plan cache mode stays: after five executions a prepared statement may keep one generic
        // plan, which spares the short statements every request repeats from being planned again each time (the
        // scoring post's throughput depends on it, ADR 8). The dashboard's statements, whose best plan
        // depends on their team and dates, ask for plans of their own (SqlDialect.PlanEachExecution, ADR 8).

        return builder.ConnectionString;
    }

    /// <summary>A relative SQLite file is kept under the app's content root, and its folder is created.</summary>
    internal static string ResolveSqlite(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is not (":memory:" or "") && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }
}
