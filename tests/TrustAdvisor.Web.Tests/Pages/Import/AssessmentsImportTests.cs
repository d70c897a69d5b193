using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Assessments;

namespace TrustAdvisor.Web.Tests.Pages.Import;

/// <summary>Past assessments from a spreadsheet, for relationships imported with an external id; and an Excel workbook.</summary>
public class AssessmentsImportTests(ImportApp app) : IClassFixture<ImportApp>
{
    private async Task<(HttpClient Session, string Id)> RelationshipAsync()
    {
        var id = $"PAST-{Guid.NewGuid():N}"[..16];
        var session = await app.CreateClientAsync();
        var file = ImportForms.Utf8(ImportForms.RelationshipsHeader, $"{id},Past Scores {id},,Jo Bloggs,,,Maintain,{AppFixture.AdminEmail},");
        (await session.ImportAsync(await session.PreviewAsync(file))).Outcome().ShouldEndWith("1 new, 0 updated, 0 unchanged, 0 refused.");
        return (session, id);
    }

    [Fact]
    public async Task Past_meetings_are_recorded_as_the_owner_s_and_the_same_file_again_adds_nothing()
    {
        var (session, id) = await RelationshipAsync();
        var file = ImportForms.Utf8(
            ImportForms.AssessmentsHeader,
            $"{id},2026-03-01,in person,6,5,4,4,First workshop",
            $"{id},2026-06-01,Video,7,6,5,3,",
            $"{id},2026-09-01,call,7,7,6,3,\"Went well, they said; next step agreed\"");

        var preview = await session.PreviewAsync(file, kind: "Assessments");

        preview.Totals().ShouldBe("3 new, 0 updated, 0 unchanged, 0 refused.");
        await session.ImportAsync(preview);
        var stored = await app.QueryAsync(db => db.Assessments.Where(a => db.Relationships.Any(r => r.Id == a.RelationshipId && r.ExternalId == id))
            .OrderBy(a => a.MeetingDate).Select(a => new { a.MeetingDate, a.MeetingKind, a.Trust, a.Note, a.AuthorId }).ToListAsync());
        stored.Select(a => (a.MeetingDate, a.MeetingKind, a.Trust)).ShouldBe(
            [(new DateOnly(2026, 3, 1), MeetingKind.InPerson, 3.75), (new DateOnly(2026, 6, 1), MeetingKind.Video, 6.0), (new DateOnly(2026, 9, 1), MeetingKind.Call, 6.67)]);
        stored.ShouldAllBe(a => a.AuthorId == app.Admin.Id);
        stored[2].Note.ShouldBe("Went well, they said; next step agreed");

        (await session.PreviewAsync(file, kind: "Assessments")).Totals().ShouldBe("0 new, 0 updated, 3 unchanged, 0 refused.");
    }

    [Fact]
    public async Task Bad_rows_are_refused_by_column()
    {
        var (session, id) = await RelationshipAsync();
        var file = ImportForms.Utf8(
            ImportForms.AssessmentsHeader,
            $"NO-SUCH-ID,2026-03-01,call,6,5,4,4,",
            $"{id},2026-03-01,call,11,5,4,4,",
            $"{id},2026-03-01,call,6,5,4,0,",
            $"{id},2030-01-01,call,6,5,4,4,",
            $"{id},1.3.2026,call,6,5,4,4,",
            $"{id},2026-03-02,carrier pigeon,6,5,4,4,",
            $"{id},2026-03-03,call,6,5,4,4,",
            $"{id},2026-03-03,call,6,5,4,4,");

        var preview = await session.PreviewAsync(file, kind: "Assessments");

        preview.Totals().ShouldBe("1 new, 0 updated, 0 unchanged, 7 refused.");
        var refusals = preview.Refusals();
        refusals.ShouldContain(r => r.StartsWith("2,") && r.Contains("external_id") && r.Contains("import the relationships first"));
        refusals.ShouldContain(r => r.StartsWith("3,") && r.Contains("credibility") && r.Contains("'11' is not a whole number from 1 to 10"));
        refusals.ShouldContain(r => r.StartsWith("4,") && r.Contains("self_orientation"));
        refusals.ShouldContain(r => r.StartsWith("5,") && r.Contains("meeting_date") && r.Contains("in the future"));
        refusals.ShouldContain(r => r.StartsWith("6,") && r.Contains("meeting_date") && r.Contains("not a date"));
        refusals.ShouldContain(r => r.StartsWith("7,") && r.Contains("meeting_kind") && r.Contains("'carrier pigeon' is not a kind of meeting"));
        refusals.ShouldContain(r => r.StartsWith("9,") && r.Contains("Repeats row 8"));
    }

    [Fact]
    public async Task An_excel_workbook_with_dates_stored_as_dates_is_read()
    {
        var (session, id) = await RelationshipAsync();
        var workbook = Workbook(
            ["external_id", "meeting_date", "meeting_kind", "credibility", "reliability", "intimacy", "self_orientation", "note"],
            [id, new DateOnly(2026, 5, 4), "in person", 8, 7, 6, 2, "From the workbook"]);

        var preview = await session.PreviewAsync(workbook, "scores.xlsx", kind: "Assessments");

        preview.Totals().ShouldBe("1 new, 0 updated, 0 unchanged, 0 refused.");
        await session.ImportAsync(preview);
        (await app.QueryAsync(db => db.Assessments.Where(a => db.Relationships.Any(r => r.Id == a.RelationshipId && r.ExternalId == id))
            .Select(a => new { a.MeetingDate, a.Note, a.Trust }).SingleAsync()))
            .ShouldBe(new { MeetingDate = new DateOnly(2026, 5, 4), Note = (string?)"From the workbook", Trust = 10.5 });
    }

    /// <summary>A one-sheet workbook as Excel saves it: text in the shared strings, numbers and dates as numbers.</summary>
    private static byte[] Workbook(params object[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    row.Append(rows[r][c] switch
                    {
                        string text => SharedText(strings.SharedStringTable, reference, text),
                        DateOnly date => new Cell { CellReference = reference, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate()) },
                        int number => new Cell { CellReference = reference, CellValue = new CellValue(number) },
                        _ => throw new ArgumentException("A cell is text, a date or a number."),
                    });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Scores" }));
        }

        return stream.ToArray();
    }

    private static Cell SharedText(SharedStringTable table, string reference, string text)
    {
        table.AppendChild(new SharedStringItem(new Text(text)));
        return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(table.Count() - 1) };
    }
}
