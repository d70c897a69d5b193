using System.Text;

namespace TrustAdvisor.Web.Formatting;

/// <summary>A value written as a number, never escaped as a would-be formula (a negative change starts with "-").</summary>
public readonly record struct CsvCell(string Text, bool IsNumber)
{
    public static implicit operator CsvCell(string? text) => new(text ?? "", IsNumber: false);
}

/// <summary>
/// RFC 4180 CSV. Text that a spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage return)
/// is prefixed with an apostrophe, so a client named "=HYPERLINK(...)" stays text (OWASP's CSV injection advice).
/// </summary>
public sealed class CsvWriter
{
    private readonly StringBuilder _text = new();

    public void Row(params CsvCell[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _text.AppendJoin(',', cells.Select(Escape)).Append("\r\n");
    }

    public byte[] ToBytes() => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(_text.ToString())).ToArray();

    public static string Escape(CsvCell cell)
    {
        var text = cell.Text;
        if (!cell.IsNumber && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
