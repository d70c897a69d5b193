namespace TrustAdvisor.Domain.Pulses;

/// <summary>Where a pulse is. An open pulse past its expiry is expired; that is read from the date, not stored.</summary>
public enum PulseStatus
{
    Open,
    Answered,
    Withdrawn,

    /// <summary>The advisor asked again: the new link replaced this one.</summary>
    Replaced,
}
