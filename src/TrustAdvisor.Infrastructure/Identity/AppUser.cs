using Microsoft.AspNetCore.Identity;

namespace TrustAdvisor.Infrastructure.Identity;

/// <summary>What a person may do in TrustAdvisor.</summary>
public enum UserRole
{
    Advisor,
    Manager,
    Administrator,
}

/// <summary>A person who signs in. Deactivated people cannot sign in; what they recorded stays theirs.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = string.Empty;
    public UserRole Role { get; set; } = UserRole.Advisor;

    /// <summary>The team whose relationships this person works on; an administrator may have none.</summary>
    public Guid? TeamId { get; set; }
    public bool IsActive { get; set; } = true;
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// When they first signed in (chose a password from their invitation, or came through single sign-on); null while
    /// an invitation waits.
    /// </summary>
    public DateTime? JoinedAt { get; set; }
}
