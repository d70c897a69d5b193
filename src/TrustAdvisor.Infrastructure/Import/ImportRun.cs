using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Import;

/// <summary>Reads an uploaded file with its template and runs its rows against the context (see the two imports).</summary>
public static class ImportRun
{
    public static IReadOnlyList<string> ColumnsOf(ImportKind kind) =>
        kind == ImportKind.Relationships ? RelationshipImport.Columns : AssessmentImport.Columns;

    /// <summary>Throws <see cref="ImportFileException"/> when the file cannot be read as the template at all.</summary>
    public static Task<ImportResult> RunAsync(
        TrustAdvisorDbContext db, ImportUpload upload, ImportScope scope, DateOnly today, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var table = ImportReader.Read(upload.Content, ColumnsOf(upload.Kind));
        return upload.Kind == ImportKind.Relationships
            ? new RelationshipImport(db, scope, today, nowUtc, upload.DateFormat).RunAsync(table, cancellationToken)
            : new AssessmentImport(db, scope, today, nowUtc, upload.DateFormat).RunAsync(table, cancellationToken);
    }
}
