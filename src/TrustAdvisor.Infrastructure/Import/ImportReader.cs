using System.Text;

namespace TrustAdvisor.Infrastructure.Import;

/// <summary>
/// Reads an uploaded file as a table with a template's columns: an Excel workbook (.xlsx, its first sheet, read row by
/// row with the OpenXML SDK), or CSV as Excel writes it in different countries (UTF-8 with or without BOM, or
/// Windows-1252; comma or semicolon; quoted cells with newlines), parsed by CsvHelper. Told apart by content, not name.
/// </summary>
public static partial class ImportReader
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ImportReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static ImportTable Read(byte[] content, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(columns);
        if (content.Length == 0)
        {
            throw new ImportFileException("The file is empty.");
        }

        var source = content is [0x50, 0x4B, 0x03, 0x04, ..] ? (RowSource)new WorkbookSource(content) : new CsvSource(content);
        try
        {
            return Tabulate(source, columns);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private static ImportTable Tabulate(RowSource source, IReadOnlyList<string> columns)
    {
        if (!source.Rows.MoveNext())
        {
            throw new ImportFileException("The file is empty.");
        }

        var headers = source.Rows.Current.Cells.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        if (headers.Where(h => h.Length > 0).GroupBy(h => h).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ImportFileException($"The column {repeated.Key} appears twice in the first row. Each column of the template appears once.");
        }

        var missing = columns.Where(c => !headers.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException(
                $"The first row has no column {string.Join(", ", missing)}. The first row names the columns: {string.Join(", ", columns)} (download the template).");
        }

        return new ImportTable(DataRows(source.Rows, headers, columns), [.. headers.Where(h => h.Length > 0 && !columns.Contains(h))], () => source.FractionRead, source);
    }

    private static IEnumerable<ImportRow> DataRows(IEnumerator<(int Number, string[] Cells)> rows, string[] headers, IReadOnlyList<string> columns)
    {
        var any = false;
        while (rows.MoveNext())
        {
            var (number, cells) = rows.Current;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var byColumn = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Length && i < cells.Length; i++)
            {
                if (columns.Contains(headers[i]))
                {
                    byColumn[headers[i]] = cells[i];
                }
            }

            any = true;
            yield return new ImportRow(number, byColumn);
        }

        if (!any)
        {
            throw new ImportFileException("The file has no rows under its first row, so there is nothing to import.");
        }
    }
}
