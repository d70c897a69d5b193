namespace TrustAdvisor.Infrastructure.Import;

/// <summary>A file that cannot be read as a table of the template at all: nothing in it is imported.</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>One data row: its number as a spreadsheet shows it (the header is row 1) and its cells by column.</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>The cell, trimmed; empty when the row has none.</summary>
    public string this[string column] => Cells.TryGetValue(column, out var value) ? value.Trim() : string.Empty;
}

/// <summary>
/// A file read as a template's table, its header checked: the columns it had that the template has not (ignored), and
/// its rows, read one by one as they are enumerated (once), so that a long file is never held whole. A row the file
/// cannot give (a stray quote) throws <see cref="ImportFileException"/> when reached.
/// </summary>
public sealed class ImportTable(IEnumerable<ImportRow> rows, IReadOnlyList<string> ignoredColumns, Func<double?> fractionRead, IDisposable file) : IDisposable
{
    private IEnumerable<ImportRow>? _rows = rows;

    public IReadOnlyList<string> IgnoredColumns { get; } = ignoredColumns;

    /// <summary>How much of the file has been read so far (0 to 1), when the file's kind tells; for progress.</summary>
    public double? FractionRead => fractionRead();

    public IEnumerable<ImportRow> Rows => Interlocked.Exchange(ref _rows, null) ?? throw new InvalidOperationException("The rows of a file are read once.");

    public void Dispose() => file.Dispose();
}
