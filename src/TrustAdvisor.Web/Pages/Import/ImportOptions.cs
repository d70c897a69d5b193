using System.ComponentModel.DataAnnotations;

namespace TrustAdvisor.Web.Pages.Import;

/// <summary>The import's settings (section "Import").</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest file taken, in megabytes: 25,000 relationships are about 4 MB of CSV.</summary>
    [Range(1, 100)]
    public int MaxFileMegabytes { get; set; } = 20;

    /// <summary>
    /// How often the import job looks for imports waiting, in seconds. An import starts at once when asked for; this
    /// picks up one whose instance stopped half-way.
    /// </summary>
    [Range(1, 3600)]
    public int CheckSeconds { get; set; } = 30;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;
}
