namespace TrustAdvisor.Infrastructure.Import;

public enum ImportKind
{
    Relationships,
    Assessments,
}

/// <summary>
/// A file uploaded for import, kept from its preview to its import (on whichever instance serves the second post), and
/// imported at most once. Its content is dropped once imported; a file never imported is dropped a day later.
/// </summary>
public sealed class ImportUpload
{
    public const int FileNameMaxLength = 255;
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public Guid Id { get; init; }
    public ImportKind Kind { get; init; }
    public string FileName { get; init; } = string.Empty;
    public byte[] Content { get; set; } = [];
    public string DateFormat { get; init; } = ImportCells.IsoFormat;
    public Guid UploadedById { get; init; }
    public DateTime UploadedAt { get; init; }
    public DateTime? ImportedAt { get; set; }

    /// <summary>What the import did, as the audit says it ("3 new, 1 updated, …").</summary>
    public string? Outcome { get; set; }
}
