namespace TrustAdvisor.Infrastructure.Import;

/// <summary>A file that cannot be read as a table of the template at all: nothing in it is imported.</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>One data row: its number as a spreadsheet shows it (the header is row 1) and its cells by column.</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>The cell, trimmed; empty when the row has none.</summary>
    public string this[string column] => Cells.TryGetValue(column, out var value) ? value.Trim() : string.Empty;
}

/// <summary>A file read as a template's table: its rows, and the columns it had that the template has not (ignored).</summary>
public sealed record ImportTable(IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> IgnoredColumns);
