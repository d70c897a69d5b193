using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TrustAdvisor.Infrastructure.Import;

/// <summary>The two kinds of file, read row by row.</summary>
public static partial class ImportReader
{
    /// <summary>A file's rows as cells, read as they are asked for.</summary>
    private abstract class RowSource : IDisposable
    {
        public abstract IEnumerator<(int Number, string[] Cells)> Rows { get; }

        public abstract double? FractionRead { get; }

        public virtual void Dispose() => Rows.Dispose();
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Windows-1252; a file with NUL bytes is not text.</summary>
    private sealed class CsvSource : RowSource
    {
        private readonly MemoryStream _stream;

        public CsvSource(byte[] content)
        {
            if (Array.IndexOf(content, (byte)0) >= 0)
            {
                throw new ImportFileException("This is not a CSV or Excel (.xlsx) file. Save it from your spreadsheet as CSV or as an Excel workbook.");
            }

            _stream = new MemoryStream(content, writable: false);
            var encoding = Utf8.IsValid(content) ? StrictUtf8 : Encoding.GetEncoding(1252);
            Rows = ReadCsv(new StreamReader(_stream, encoding, detectEncodingFromByteOrderMarks: true)).GetEnumerator();
        }

        public override IEnumerator<(int Number, string[] Cells)> Rows { get; }

        // The reader closes the stream once it has read the last row.
        public override double? FractionRead => !_stream.CanRead ? 1 : _stream.Length == 0 ? null : (double)_stream.Position / _stream.Length;
    }

    /// <summary>The first sheet, read row by row; its dimension, when the workbook gives one, tells how far along a read is.</summary>
    private sealed class WorkbookSource : RowSource
    {
        private readonly SpreadsheetDocument _document;
        private int _lastRow;
        private int _rowsInSheet;

        public WorkbookSource(byte[] content)
        {
            try
            {
                _document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), isEditable: false);
            }
            catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
            {
                throw new ImportFileException("This file is compressed but is not an Excel workbook (.xlsx). Save it from your spreadsheet as CSV or as an Excel workbook.");
            }

            Rows = Read().GetEnumerator();
        }

        public override IEnumerator<(int Number, string[] Cells)> Rows { get; }

        public override double? FractionRead => _rowsInSheet > 0 ? Math.Min(1, (double)_lastRow / _rowsInSheet) : null;

        public override void Dispose()
        {
            base.Dispose();
            _document.Dispose();
        }

        private IEnumerable<(int, string[])> Read()
        {
            var workbook = _document.WorkbookPart ?? throw new ImportFileException("The workbook has no sheet.");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new ImportFileException("The workbook has no sheet.");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType == typeof(SheetDimension) && reader.IsStartElement)
                {
                    var reference = ((SheetDimension)reader.LoadCurrentElement()!).Reference?.Value;
                    _rowsInSheet = int.TryParse(reference?.Split(':').Last().SkipWhile(char.IsAsciiLetter).ToArray(), NumberStyles.None, CultureInfo.InvariantCulture, out var rows) ? rows : 0;
                    continue;
                }

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

                _lastRow = (int)(row.RowIndex?.Value ?? (uint)(_lastRow + 1));
                yield return (_lastRow, cells.ToArray());
            }
        }
    }

    private static IEnumerable<(int, string[])> ReadCsv(TextReader reader)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";"],
            BadDataFound = data => throw new ImportFileException(
                $"Row {data.Context.Parser?.Row}: a quote inside a cell that does not start with one. Put the whole cell in quotes and double the quotes inside it, as spreadsheets do when they save CSV."),
        };
        using (reader)
        {
            using var parser = new CsvParser(reader, configuration);
            while (parser.Read())
            {
                yield return (parser.Row, parser.Record ?? []);
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
