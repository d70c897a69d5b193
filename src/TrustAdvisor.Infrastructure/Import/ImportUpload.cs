namespace TrustAdvisor.Infrastructure.Import;

public enum ImportKind
{
    Relationships,
    Assessments,
}

/// <summary>Where an upload is: previewed, waiting for the import job, being imported, imported, or not imported.</summary>
public enum ImportStatus
{
    Previewed,
    Queued,
    Importing,
    Imported,
    Failed,
}

/// <summary>
/// A file uploaded for import, kept from its preview to its import (which a scheduled job runs, on whichever instance
/// takes it), and imported at most once. Its content is dropped once imported; a file never imported is dropped a day
/// later.
/// </summary>
public sealed class ImportUpload
{
    public const int FileNameMaxLength = 255;
    public const int ErrorMaxLength = 500;
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    /// <summary>How long a job's claim on an import lasts unless renewed: after that, a stopped instance's import is run again.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    public Guid Id { get; init; }
    public ImportKind Kind { get; init; }
    public string FileName { get; init; } = string.Empty;
    public byte[] Content { get; set; } = [];
    public string DateFormat { get; init; } = ImportCells.IsoFormat;
    public Guid UploadedById { get; init; }
    public DateTime UploadedAt { get; init; }
    public ImportStatus Status { get; set; }

    /// <summary>Whether the person chose to import the valid rows only (else a refused row stops the whole import).</summary>
    public bool ValidOnly { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    /// <summary>Progress of the import: rows done, and the part of the file read (percent) when known.</summary>
    public int RowsDone { get; set; }

    public int? PercentRead { get; set; }

    public DateTime? ImportedAt { get; set; }

    /// <summary>What the import did, as the audit says it ("3 new, 1 updated, …").</summary>
    public string? Outcome { get; set; }

    /// <summary>Why nothing was imported, in the person's words.</summary>
    public string? Error { get; set; }
}
