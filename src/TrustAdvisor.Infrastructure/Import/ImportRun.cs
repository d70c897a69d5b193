using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Import;

/// <summary>Reads an uploaded file with its template and runs its rows against the context (see the two imports).</summary>
public static class ImportRun
{
    public static IReadOnlyList<string> ColumnsOf(ImportKind kind) =>
        kind == ImportKind.Relationships ? RelationshipImport.Columns : AssessmentImport.Columns;

    /// <summary>
    /// Throws <see cref="ImportFileException"/> when the file cannot be read as the template at all. <paramref name="apply"/>
    /// is false for a preview, which the caller never saves; true inside the import's transaction, which may save as it goes.
    /// </summary>
    public static Task<ImportResult> RunAsync(
        TrustAdvisorDbContext db, ImportUpload upload, ImportScope scope, DateOnly today, DateTime nowUtc, bool apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var table = ImportReader.Read(upload.Content, ColumnsOf(upload.Kind));
        return upload.Kind == ImportKind.Relationships
            ? new RelationshipImport(db, scope, today, nowUtc, upload.DateFormat).RunAsync(table, cancellationToken)
            : new AssessmentImport(db, scope, today, nowUtc, upload.DateFormat, apply).RunAsync(table, cancellationToken);
    }
}
