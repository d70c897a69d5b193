using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace TrustAdvisor.Infrastructure.Persistence;

/// <summary>
/// What differs between the two databases in the hand-written aggregate queries (docs/decisions/0006): date
/// arithmetic, the median, how typed parameters are made, whether LATERAL joins exist (a query may have a faster form
/// where they do), and how a statement asks to be planned for its own values (ADR 8). Everything else in those
/// queries is SQL both understand.
/// </summary>
public abstract class SqlDialect
{
    public static SqlDialect Postgres { get; } = new PostgresDialect();
    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    /// <summary>An integer expression: the days from <paramref name="earlier"/> to <paramref name="later"/>.</summary>
    public abstract string DaysBetween(string earlier, string later);

    /// <summary>An integer expression: year × 12 + month − 1 of a date column, so consecutive months are consecutive numbers.</summary>
    public abstract string MonthNumber(string dateColumn);

    /// <summary>PostgreSQL has <c>CROSS JOIN LATERAL</c>; SQLite has not.</summary>
    public abstract bool HasLateralJoins { get; }

    /// <summary>An aggregate: the median of <paramref name="value"/> over the group (the mean of the two middle values when even).</summary>
    public abstract string Median(string value);

    /// <summary>
    /// A statement that makes the rest of the transaction plan each query for its own parameter values (no generic
    /// plan of a prepared statement), or null where the database always does (SQLite).
    /// </summary>
    public abstract string? PlanEachExecution { get; }

    public abstract DbParameter Id(string name, Guid? value);

    public abstract DbParameter Day(string name, DateOnly value);

    public abstract DbParameter Text(string name, string? value);

    private sealed class PostgresDialect : SqlDialect
    {
        public override bool HasLateralJoins => true;

        public override string DaysBetween(string earlier, string later) => $"({later} - {earlier})";

        public override string MonthNumber(string dateColumn) =>
            $"(CAST(EXTRACT(YEAR FROM {dateColumn}) AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM {dateColumn}) AS INTEGER) - 1)";

        public override string Median(string value) => $"percentile_cont(0.5) WITHIN GROUP (ORDER BY {value})";

        // LOCAL: undone when the transaction ends, so the pooled connection keeps no state (ADR 8).
        public override string? PlanEachExecution => "SET LOCAL plan_cache_mode = force_custom_plan";

        public override DbParameter Id(string name, Guid? value) => Typed(name, NpgsqlDbType.Uuid, value);

        public override DbParameter Day(string name, DateOnly value) => Typed(name, NpgsqlDbType.Date, value);

        public override DbParameter Text(string name, string? value) => Typed(name, NpgsqlDbType.Text, value);

        // Typed even when null, so that "@p IS NULL" needs no cast.
        private static NpgsqlParameter Typed(string name, NpgsqlDbType type, object? value) =>
            new(name, type) { Value = value ?? DBNull.Value };
    }

    private sealed class SqliteDialect : SqlDialect
    {
        public override bool HasLateralJoins => false;

        // Dates are stored as yyyy-MM-dd text.
        public override string DaysBetween(string earlier, string later) =>
            $"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)";

        public override string MonthNumber(string dateColumn) =>
            $"(CAST(strftime('%Y', {dateColumn}) AS INTEGER) * 12 + CAST(strftime('%m', {dateColumn}) AS INTEGER) - 1)";

        // A function of our own: SqliteFunctions adds it to every connection.
        public override string Median(string value) => $"median({value})";

        public override string? PlanEachExecution => null;

        // As text, the way EF Core stores them: Guids in upper case, dates as yyyy-MM-dd.
        public override DbParameter Id(string name, Guid? value) => Typed(name, value);

        public override DbParameter Day(string name, DateOnly value) => Typed(name, value);

        public override DbParameter Text(string name, string? value) => Typed(name, value);

        private static SqliteParameter Typed(string name, object? value) =>
            new(name, SqliteType.Text) { Value = value ?? DBNull.Value };
    }
}
