using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TrustAdvisor.Infrastructure.Persistence;

/// <summary>
/// Names columns, keys and indexes in snake_case on both providers, so hand-written SQL
/// (CHECK constraints, index filters, benchmarks) is the same text everywhere and needs no quoting in PostgreSQL.
/// </summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }

            var table = entity.GetTableName();
            foreach (var key in entity.GetKeys())
            {
                key.SetName($"pk_{table}");
            }

            // Keys named in their configuration keep that name (two keys to one table need telling apart).
            foreach (var foreignKey in entity.GetForeignKeys().Where(k => k.FindAnnotation(RelationalAnnotationNames.Name) is null))
            {
                var principal = foreignKey.PrincipalEntityType.GetTableName();
                foreignKey.SetConstraintName($"fk_{table}_{principal}");
            }

            // Indexes named in their configuration keep that name.
            foreach (var index in entity.GetIndexes().Where(i => i.FindAnnotation(RelationalAnnotationNames.Name) is null))
            {
                var columns = string.Join('_', index.Properties.Select(p => ToSnakeCase(p.Name)));
                index.SetDatabaseName($"ix_{table}_{columns}");
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
