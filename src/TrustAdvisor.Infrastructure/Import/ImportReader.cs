using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TrustAdvisor.Infrastructure.Import;

/// <summary>
/// Reads an uploaded file as a table with a template's columns: an Excel workbook (.xlsx, its first sheet, read row by
/// row with the OpenXML SDK), or CSV as Excel writes it in different countries (UTF-8 with or without BOM, or
/// Windows-1252; comma or semicolon; quoted cells with newlines), parsed by CsvHelper. Told apart by content, not name.
/// </summary>
public static class ImportReader
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

        var rows = content is [0x50, 0x4B, 0x03, 0x04, ..] ? ReadWorkbook(content) : ReadCsv(Decode(content));
        return Tabulate(rows, columns);
    }

    private static ImportTable Tabulate(IEnumerable<(int Number, string[] Cells)> rows, IReadOnlyList<string> columns)
    {
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            throw new ImportFileException("The file is empty.");
        }

        var headers = enumerator.Current.Cells.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
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

        var result = new List<ImportRow>();
        while (enumerator.MoveNext())
        {
            var (number, cells) = enumerator.Current;
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

            result.Add(new ImportRow(number, byColumn));
        }

        if (result.Count == 0)
        {
            throw new ImportFileException("The file has no rows under its first row, so there is nothing to import.");
        }

        return new ImportTable(result, [.. headers.Where(h => h.Length > 0 && !columns.Contains(h))]);
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Windows-1252; a file with NUL bytes is not text.</summary>
    private static string Decode(byte[] content)
    {
        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            throw new ImportFileException("This is not a CSV or Excel (.xlsx) file. Save it from your spreadsheet as CSV or as an Excel workbook.");
        }

        try
        {
            var text = StrictUtf8.GetString(content);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(content);
        }
    }

    private static IEnumerable<(int, string[])> ReadCsv(string text)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";"],
            BadDataFound = data => throw new ImportFileException(
                $"Row {data.Context.Parser?.Row}: a quote inside a cell that does not start with one. Put the whole cell in quotes and double the quotes inside it, as spreadsheets do when they save CSV."),
        };
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, configuration);
        while (parser.Read())
        {
            yield return (parser.Row, parser.Record ?? []);
        }
    }

    private static IEnumerable<(int, string[])> ReadWorkbook(byte[] content)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new ImportFileException("This file is compressed but is not an Excel workbook (.xlsx). Save it from your spreadsheet as CSV or as an Excel workbook.");
        }

        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new ImportFileException("The workbook has no sheet.");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new ImportFileException("The workbook has no sheet.");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                var row = (Row)reader.LoadCurrentElement()!;
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add(string.Empty);
                    }

                    cells.Add(TextOf(cell, shared));
                }

                yield return ((int)(row.RowIndex?.Value ?? 0), cells.ToArray());
            }
        }
    }

    private static string TextOf(Cell cell, string[] shared)
    {
        var value = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? string.Empty;
        return cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
            && index >= 0 && index < shared.Length
            ? shared[index]
            : value;
    }

    /// <summary>"C7" → 2.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
