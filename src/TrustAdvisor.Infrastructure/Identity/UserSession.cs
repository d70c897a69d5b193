namespace TrustAdvisor.Infrastructure.Identity;

/// <summary>
/// One sign-in on one device: what its owner sees on Your settings, and what every request checks (SessionCheck), so
/// that a session ended here (signed out, ended from another device or by an administrator, expired) is refused by
/// every instance, whatever its cookie says.
/// </summary>
public sealed class UserSession
{
    public const int DeviceMaxLength = 100;
    public const int AddressMaxLength = 64;
    public const int ProviderValueMaxLength = 256;

    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public DateTime StartedAt { get; init; }

    /// <summary>The last request seen, to the minute (it is written at most once a minute).</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>The absolute end, however active the session is.</summary>
    public DateTime ExpiresAt { get; init; }

    /// <summary>"Keep me signed in on this device": idle time does not end it, only <see cref="ExpiresAt"/> does.</summary>
    public bool KeepSignedIn { get; init; }

    /// <summary>The device and browser in words ("Chrome on Android"), from the sign-in's User-Agent.</summary>
    public string Device { get; init; } = "";

    public string? Address { get; init; }

    public DateTime? EndedAt { get; set; }

    /// <summary>When the person last proved who they are on this session: signing in, or confirming before a sensitive action.</summary>
    public DateTime ConfirmedAt { get; set; }

    /// <summary>The single sign-on provider that signed this session in (its issuer); null for a password sign-in.</summary>
    public string? ProviderIssuer { get; init; }

    /// <summary>
    /// The provider's own session id (the ID token's <c>sid</c>), by which its single sign-out names the sessions to end.
    /// </summary>
    public string? ProviderSessionId { get; init; }
}
