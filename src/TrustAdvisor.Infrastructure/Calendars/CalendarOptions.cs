using System.ComponentModel.DataAnnotations;

namespace TrustAdvisor.Infrastructure.Calendars;

/// <summary>Reading people's calendars (section "Calendar").</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>How often each connected calendar is read, in minutes.</summary>
    [Range(1, 1440)]
    public int ReadEveryMinutes { get; set; } = 15;

    /// <summary>The largest calendar read, in megabytes; a larger one is refused as too large.</summary>
    [Range(1, 100)]
    public int MaxMegabytes { get; set; } = 10;

    /// <summary>How long one attempt may take, in seconds (two more follow a failure, with back-off).</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>
    /// After reading a calendar, the reader rests this many times as long as the read took before the next (0: no
    /// rest): reading then takes at most a third of a core by default, beside the pages on the same cores.
    /// </summary>
    [Range(0, 20)]
    public double RestAfterEachRead { get; set; } = 2;

    /// <summary>
    /// Hosts (host:port) on a private or loopback address that may still be read: none in a real installation, where a
    /// calendar address must not become a way to reach the firm's own network. The tests' calendar server is one.
    /// </summary>
    public IList<string> AllowedPrivateHosts { get; } = [];

    public long MaxBytes => MaxMegabytes * 1024L * 1024L;
}
