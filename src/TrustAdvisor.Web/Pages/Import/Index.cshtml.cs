using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Import;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Pages.Import;

/// <summary>
/// Import (administrators, and managers for their teams): a CSV or Excel file in one of two templates is uploaded and
/// previewed (what each row would do, refusals by column), then imported in one transaction, all of it or nothing,
/// unless the person chooses the valid rows only, by the import job while the progress page shows how far it is. The
/// same file imported again changes nothing.
/// </summary>
public sealed class IndexModel(
    TrustAdvisorDbContext db, TimeProvider time, IViewerAccessor viewer, MailScheduler scheduler, IOptions<ImportOptions> options) : PageModel
{
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
        await db.ImportUploads.Where(u => u.UploadedAt < now - ImportUpload.KeptFor && u.Status != ImportStatus.Queued && u.Status != ImportStatus.Importing)
            .ExecuteDeleteAsync(cancellationToken);
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
        await PreviewAsync(upload, cancellationToken);
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

        if (upload.Status is ImportStatus.Previewed or ImportStatus.Failed)
        {
            // Once only, whichever of two presses (or two tabs) comes first: the other finds it queued already.
            await db.ImportUploads.Where(u => u.Id == upload.Id && (u.Status == ImportStatus.Previewed || u.Status == ImportStatus.Failed))
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.Status, ImportStatus.Queued).SetProperty(u => u.ValidOnly, validOnly).SetProperty(u => u.Error, (string?)null), cancellationToken);
            await scheduler.TriggerAsync(ImportJob.Key, cancellationToken);
        }

        return RedirectToPage("/Import/Progress", new { id = upload.Id });
    }

    /// <summary>Runs the file's rows against the context into <see cref="Preview"/>, saving nothing; false, with the message, when the file cannot be read.</summary>
    private async Task<bool> PreviewAsync(ImportUpload upload, CancellationToken cancellationToken)
    {
        var current = viewer.Current;
        var scope = new ImportScope(current.SeesAll ? null : current.ManagedTeamIds);
        try
        {
            Preview = await ImportRun.RunAsync(db, upload, scope, time.Today(), time.UtcNow(), apply: false, report: null, cancellationToken);
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
