using TrustAdvisor.Infrastructure.Import;
using TrustAdvisor.Web.Formatting;

namespace TrustAdvisor.Web.Pages.Import;

/// <summary>The templates offered for download: the columns, and one example row each.</summary>
public static class ImportTemplates
{
    private static readonly Dictionary<ImportKind, string[]> Examples = new()
    {
        [ImportKind.Relationships] = ["CRM-1001", "Acme Ltd", "acme.com", "Jane Doe", "jane.doe@acme.com", "CFO", "Establish", "advisor@yourfirm.com", "2027-03-31"],
        [ImportKind.Assessments] = ["CRM-1001", "2026-10-14", "in person", "7", "6", "5", "3", "Quarterly review of the audit plan."],
    };

    public static string FileName(ImportKind kind) => $"trustadvisor-{kind.ToString().ToLowerInvariant()}-template.csv";

    public static byte[] Csv(ImportKind kind)
    {
        var csv = new CsvWriter();
        csv.Row([.. ImportRun.ColumnsOf(kind).Select(c => (CsvCell)c)]);
        csv.Row([.. Examples[kind].Select(c => (CsvCell)c)]);
        return csv.ToBytes();
    }
}
