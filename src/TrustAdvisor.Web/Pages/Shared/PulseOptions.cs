using System.ComponentModel.DataAnnotations;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trends;

namespace TrustAdvisor.Web.Pages.Shared;

/// <summary>The client pulse's settings (section "Pulse"), checked at start-up.</summary>
public sealed class PulseOptions
{
    public const string Section = "Pulse";

    /// <summary>The firm's name as the client knows it, on the client's page.</summary>
    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string FirmName { get; set; } = "TrustAdvisor";

    /// <summary>How long a client's link stays open.</summary>
    [Range(1, 365)]
    public int LinkValidDays { get; set; } = Pulse.DefaultValidDays;

    /// <summary>
    /// A pulse sent by email and not answered is reminded once, this many days later (0: never); less than
    /// <see cref="LinkValidDays"/>, so the reminder's link still works.
    /// </summary>
    [Range(0, 364)]
    public int ReminderAfterDays { get; set; } = 7;

    /// <summary>Days after the first scored meeting when a relationship past Meet, never asked, asks for the client's first view.</summary>
    [Range(1, 365)]
    public int FirstClientViewDays { get; set; } = AttentionRules.DefaultFirstClientViewDays;

    /// <summary>After this many months without an answer, a relationship past Meet asks for the client's view again.</summary>
    [Range(1, 60)]
    public int ClientViewDueMonths { get; set; } = AttentionRules.DefaultClientViewDueMonths;

    /// <summary>Requests per minute and address to the client pages (no account there to lock out).</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 30;
}
