using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
                var postgres = configuration.GetConnectionString("Postgres");
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Postgres is empty. " +
                        "Set it, e.g. ConnectionStrings__Postgres=\"Host=localhost;Database=trustadvisor;Username=...;Password=...\".");
                }

                services.AddDbContext<TrustAdvisorDbContext, PostgresDbContext>(o => o.UseNpgsql(postgres));
                break;
            case DatabaseProvider.Sqlite:
                var sqlite = ResolveSqlite(configuration.GetConnectionString("Sqlite") ?? DefaultSqlite, contentRoot);
                services.AddDbContext<TrustAdvisorDbContext, SqliteDbContext>(o => o.UseSqlite(sqlite));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite or Postgres.");
        }

        return services;
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
