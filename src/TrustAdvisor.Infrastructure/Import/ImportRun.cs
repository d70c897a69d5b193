using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Import;

/// <summary>Told after each chunk of rows: how many rows are done, and how much of the file is read (when known).</summary>
public delegate Task ImportProgressReport(int rowsDone, double? fractionRead, CancellationToken cancellationToken);

/// <summary>Reads an uploaded file with its template and runs its rows against the context (see the two imports).</summary>
public static class ImportRun
{
    /// <summary>Rows read, matched and (importing) saved together: what the context tracks at once stays this small.</summary>
    public const int RowsPerChunk = 2000;

    public static IReadOnlyList<string> ColumnsOf(ImportKind kind) =>
        kind == ImportKind.Relationships ? RelationshipImport.Columns : AssessmentImport.Columns;

    /// <summary>
    /// Throws <see cref="ImportFileException"/> when the file cannot be read as the template. <paramref name="apply"/> is
    /// false for a preview, which never saves; true inside the import's transaction, which saves each chunk as it goes.
    /// </summary>
    public static async Task<ImportResult> RunAsync(
        TrustAdvisorDbContext db, ImportUpload upload, ImportScope scope, DateOnly today, DateTime nowUtc, bool apply,
        ImportProgressReport? report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        using var table = ImportReader.Read(upload.Content, ColumnsOf(upload.Kind));
        Func<ImportRow[], ImportResult, CancellationToken, Task> chunk = upload.Kind == ImportKind.Relationships
            ? new RelationshipImport(db, scope, today, nowUtc, upload.DateFormat, apply).RunChunkAsync
            : new AssessmentImport(db, scope, today, nowUtc, upload.DateFormat).RunChunkAsync;
        var result = new ImportResult(table.IgnoredColumns);
        foreach (var rows in table.Rows.Chunk(RowsPerChunk))
        {
            await chunk(rows, result, cancellationToken);
            if (apply)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            // Saved (or, previewing, never to be): what the chunk loaded and made leaves the context.
            db.ChangeTracker.Clear();
            if (report is not null)
            {
                await report(result.RowCount, table.FractionRead, cancellationToken);
            }
        }

        return result;
    }
}
