using System.ComponentModel.DataAnnotations;

namespace TrustAdvisor.Web.Security;

/// <summary>How long a sign-in lasts (section "Sessions").</summary>
public sealed class SessionLimits
{
    public const string Section = "Sessions";

    /// <summary>A session with no request for this long ends, unless its owner chose to stay signed in on the device.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Every session ends this long after signing in, however active.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}
