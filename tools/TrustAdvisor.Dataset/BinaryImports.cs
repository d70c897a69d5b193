using Npgsql;
using NpgsqlTypes;

namespace TrustAdvisor.Dataset;

/// <summary>Nullable values into a binary COPY: the value, or NULL.</summary>
internal static class BinaryImports
{
    public static Task WriteNullableAsync<T>(this NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
        where T : struct =>
        value is { } v ? copy.WriteAsync(v, type) : copy.WriteNullAsync();

    public static Task WriteNullableAsync(this NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type) =>
        value is not null ? copy.WriteAsync(value, type) : copy.WriteNullAsync();
}
