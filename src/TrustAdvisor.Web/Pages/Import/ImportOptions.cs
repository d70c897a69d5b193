using System.ComponentModel.DataAnnotations;

namespace TrustAdvisor.Web.Pages.Import;

/// <summary>The import's settings (section "Import").</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest file taken, in megabytes: 25,000 relationships are about 4 MB of CSV.</summary>
    [Range(1, 100)]
    public int MaxFileMegabytes { get; set; } = 20;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;
}
