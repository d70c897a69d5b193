using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Import;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Import;

/// <summary>
/// Import (administrators, and managers for their teams): a CSV or Excel file in one of two templates is uploaded and
/// previewed (what each row would do, refusals by column), then imported in one transaction, all of it or nothing,
/// unless the person chooses the valid rows only. The same file imported again changes nothing.
/// </summary>
public sealed class IndexModel(
    TrustAdvisorDbContext db, TimeProvider time, IViewerAccessor viewer, AuditTrail audit, IOptions<ImportOptions> options) : PageModel
{
    public const int RowsShown = 200;

    [BindProperty]
    public ImportKind? Kind { get; set; }

    [BindProperty]
    public string DateFormat { get; set; } = ImportCells.IsoFormat;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The previewed upload, carried to the Import button.</summary>
    [BindProperty]
    public Guid? UploadId { get; set; }

    public ImportResult? Preview { get; private set; }
    public string? FileName { get; private set; }
    public int MaxFileMegabytes => options.Value.MaxFileMegabytes;

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate(ImportKind kind) =>
        Enum.IsDefined(kind) ? File(ImportTemplates.Csv(kind), "text/csv; charset=utf-8", ImportTemplates.FileName(kind)) : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (Kind is not { } kind || !Enum.IsDefined(kind) || ModelState[nameof(Kind)]?.Errors.Count > 0)
        {
            ModelState.Remove(nameof(Kind));
            ModelState.AddModelError(nameof(Kind), "Choose what the file holds: relationships or past assessments.");
        }

        if (!ImportCells.DateFormats.Contains(DateFormat))
        {
            ModelState.AddModelError(nameof(DateFormat), "Choose how the file writes dates.");
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Upload is null ? "Choose a CSV or Excel file to import." : "The file is empty.");
        }
        else if (Upload.Length > options.Value.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"The file is larger than {MaxFileMegabytes} MB: split it in parts and import each.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        using var content = new MemoryStream((int)Upload!.Length);
        await Upload.CopyToAsync(content, cancellationToken);
        var now = time.UtcNow();
        await db.ImportUploads.Where(u => u.UploadedAt < now - ImportUpload.KeptFor).ExecuteDeleteAsync(cancellationToken);
        var upload = new ImportUpload
        {
            Id = time.NewId(),
            Kind = Kind!.Value,
            FileName = Path.GetFileName(Upload.FileName) is { Length: > 0 and <= ImportUpload.FileNameMaxLength } name ? name : "upload",
            Content = content.ToArray(),
            DateFormat = DateFormat,
            UploadedById = viewer.Current.UserId ?? throw new InvalidOperationException("Importing needs a signed-in person."),
            UploadedAt = now,
        };
        db.ImportUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        UploadId = upload.Id;
        FileName = upload.FileName;
        await RunAsync(upload, apply: false, cancellationToken);
        db.ChangeTracker.Clear(); // a preview changes nothing
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(bool validOnly, CancellationToken cancellationToken)
    {
        var me = viewer.Current.UserId;
        var upload = UploadId is { } id ? await db.ImportUploads.FirstOrDefaultAsync(u => u.Id == id && u.UploadedById == me, cancellationToken) : null;
        if (upload is null || (upload.ImportedAt is null && upload.UploadedAt < time.UtcNow() - ImportUpload.KeptFor))
        {
            ModelState.AddModelError(string.Empty, "That upload is no longer here (a file waits a day for its import), so nothing was imported. Upload it again.");
            return Page();
        }

        (Kind, DateFormat, FileName) = (upload.Kind, upload.DateFormat, upload.FileName);
        if (upload.ImportedAt is not null)
        {
            TempData.Flash($"{upload.FileName} was imported already ({upload.Outcome}); nothing more was done.");
            return RedirectToPage();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await RunAsync(upload, apply: true, cancellationToken))
        {
            return Page();
        }

        if (Preview!.HasRefusals && !validOnly)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, "Some rows are refused, so nothing was imported. Correct them and upload the file again, or import the valid rows only.");
            return Page();
        }

        upload.ImportedAt = time.UtcNow();
        upload.Outcome = Preview.Totals + (Preview.HasRefusals ? " (left out)" : string.Empty);
        upload.Content = [];
        audit.Add(AuditKind.Imported, upload.Id, $"{upload.Kind} from {upload.FileName}: {upload.Outcome}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData.Flash($"Imported {upload.FileName}: {upload.Outcome}.");
        return RedirectToPage();
    }

    /// <summary>Runs the file's rows against the context into <see cref="Preview"/>; false, with the message, when the file cannot be read.</summary>
    private async Task<bool> RunAsync(ImportUpload upload, bool apply, CancellationToken cancellationToken)
    {
        var current = viewer.Current;
        var scope = new ImportScope(current.SeesAll ? null : current.ManagedTeamIds);
        try
        {
            Preview = await ImportRun.RunAsync(db, upload, scope, time.Today(), time.UtcNow(), apply, cancellationToken);
            return true;
        }
        catch (ImportFileException e)
        {
            db.ChangeTracker.Clear();
            UploadId = null;
            ModelState.AddModelError(nameof(Upload), e.Message);
            return false;
        }
    }
}
