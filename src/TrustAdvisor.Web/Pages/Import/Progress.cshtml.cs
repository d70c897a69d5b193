using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Import;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Import;

/// <summary>
/// An import's progress, for the person who asked for it: waiting, rows done (and how much of the file is read), then
/// what it did or why nothing was imported. The page asks again every second while the import runs (Status).
/// </summary>
public sealed class ProgressModel(TrustAdvisorDbContext db, IViewerAccessor viewer, ImportProgressBoard board) : PageModel
{
    public ImportState State { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } state)
        {
            return NotFound();
        }

        State = state;
        return Page();
    }

    public async Task<IActionResult> OnGetStatusAsync(Guid id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } state
            ? new JsonResult(new { finished = state.Finished, percent = state.PercentRead, text = state.Text })
            : NotFound();

    private async Task<ImportState?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = viewer.Current.UserId;
        var state = await db.ImportUploads.Where(u => u.Id == id && u.UploadedById == me)
            .Select(u => new ImportState(u.FileName, u.Status, u.RowsDone, u.PercentRead, u.Outcome, u.Error))
            .SingleOrDefaultAsync(cancellationToken);
        return state is { Status: ImportStatus.Importing } && board.Find(id) is { } here
            ? state with { RowsDone = here.RowsDone, PercentRead = here.PercentRead }
            : state;
    }
}

/// <summary>Where an import is, as its page says it.</summary>
public sealed record ImportState(string FileName, ImportStatus Status, int RowsDone, int? PercentRead, string? Outcome, string? Error)
{
    public bool Finished => Status is ImportStatus.Imported or ImportStatus.Failed or ImportStatus.Previewed;

    public string Text => Status switch
    {
        ImportStatus.Queued => "Waiting to start…",
        ImportStatus.Importing when RowsDone == 0 => "Starting…",
        ImportStatus.Importing => string.Create(CultureInfo.InvariantCulture, $"{RowsDone:N0} rows done")
            + (PercentRead is { } percent ? string.Create(CultureInfo.InvariantCulture, $", {percent}% of the file read…") : "…"),
        ImportStatus.Imported => $"Imported {FileName}: {Outcome}.",
        ImportStatus.Failed => Error ?? "Nothing was imported.",
        _ => $"{FileName} has not been imported: go back to its preview to import it.",
    };
}
