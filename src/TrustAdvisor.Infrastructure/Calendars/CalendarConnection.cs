namespace TrustAdvisor.Infrastructure.Calendars;

/// <summary>
/// A person's calendar, connected by its secret iCalendar address (sealed with Data Protection: a database backup holds
/// no usable address), and how its reading goes: when it was last read, what validators the server gave, how many
/// client meetings it found, and the error, if the last read failed, since when.
/// </summary>
public sealed class CalendarConnection
{
    public const int HostMaxLength = 255;

    public Guid UserId { get; init; }
    public string SealedAddress { get; set; } = string.Empty;

    /// <summary>The address's host alone, for the settings page ("outlook.office365.com"): the rest is the secret.</summary>
    public string Host { get; set; } = string.Empty;

    public DateTime ConnectedAt { get; init; }
    public DateTime NextReadAt { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? LastReadAt { get; set; }
    public DateTime? LastSuccessAt { get; set; }

    /// <summary>When the server last sent the calendar itself (not "not modified"): a day later it is asked for whole again.</summary>
    public DateTime? LastContentAt { get; set; }
    public CalendarReadError? LastError { get; set; }
    public DateTime? FailingSince { get; set; }
    public string? ETag { get; set; }
    public string? LastModified { get; set; }

    /// <summary>Client meetings found in the calendar's recent days at the last read.</summary>
    public int MeetingsFound { get; set; }

    public bool PromptsOn { get; set; } = true;
    public bool WorkingHoursOnly { get; set; }

    /// <summary>Points the connection at a calendar (sealed), to be read at once as if never read before.</summary>
    public void ReadFrom(string sealedAddress, Uri address, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(address);
        SealedAddress = sealedAddress;
        Host = address.Host.Length <= HostMaxLength ? address.Host : address.Host[..HostMaxLength];
        (NextReadAt, ClaimedUntil, ETag, LastModified, LastContentAt) = (nowUtc, null, null, null, null);
        (LastError, FailingSince, MeetingsFound) = (null, null, 0);
    }
}
