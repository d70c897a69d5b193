namespace TrustAdvisor.Domain.Relationships;

/// <summary>
/// The relationship between an advisor and one contact at a client organisation.
/// T is a property of this, not of a person. It is archived, never deleted: its assessments stay.
/// </summary>
public sealed class Relationship
{
    public const int NameMaxLength = 200;
    public const int ContactRoleMaxLength = 100;
    public const int ContactEmailMaxLength = 254;

    private Relationship()
    {
        ClientOrganisation = string.Empty;
        ContactName = string.Empty;
    }

    public Relationship(Guid id, RelationshipDetails details, Guid ownerId, Guid teamId, DateTime createdAtUtc, bool isDemo = false)
        : this()
    {
        Id = id;
        OwnerId = ownerId;
        TeamId = teamId;
        CreatedAt = createdAtUtc;
        IsDemo = isDemo;
        Apply(details);
    }

    public Guid Id { get; private set; }

    /// <summary>The advisor whose relationship this is. Null only for relationships recorded before accounts existed.</summary>
    public Guid? OwnerId { get; private set; }

    /// <summary>The owner's team, whose manager reviews it. Null only for relationships recorded before accounts existed.</summary>
    public Guid? TeamId { get; private set; }

    public string ClientOrganisation { get; private set; }
    public string ContactName { get; private set; }
    public string? ContactRole { get; private set; }

    /// <summary>Where the contact can be reached: optional, for sending them a pulse.</summary>
    public string? ContactEmail { get; private set; }

    /// <summary>
    /// When the contact answered "Don't ask me again" to an emailed pulse: nobody asks them for their view again (by
    /// email or by link) unless the contact becomes someone else (another email address).
    /// </summary>
    public DateTime? ContactOptedOutAt { get; private set; }

    public bool MayAskTheContact => ContactOptedOutAt is null;
    public RelationshipStage Stage { get; private set; }

    /// <summary>Every relationship, even a screened-out prospect, has a date to look at it again.</summary>
    public DateOnly NextReviewDate { get; private set; }

    /// <summary>Generated demo data, shown as such so nobody mistakes it for a real client.</summary>
    public bool IsDemo { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime? ArchivedAt { get; private set; }
    public bool IsArchived => ArchivedAt is not null;

    /// <summary>Changes on every edit; an edit based on an older version is refused (optimistic concurrency).</summary>
    public Guid Version { get; private set; }

    public void Update(RelationshipDetails details) => Apply(details);

    /// <summary>Passes the relationship to another advisor of the same team; returns the event for its history.</summary>
    public HandOff HandOffTo(Guid handOffId, Guid newOwnerId, Guid byUserId, string note, DateTime atUtc)
    {
        if (OwnerId is not { } current)
        {
            throw new InvalidOperationException("A relationship without an owner is assigned, not handed off.");
        }

        var handOff = new HandOff(handOffId, Id, current, newOwnerId, byUserId, note, atUtc);
        OwnerId = newOwnerId;
        Version = Guid.NewGuid();
        return handOff;
    }

    /// <summary>The owner moved to another team and keeps the relationship: it goes with them.</summary>
    public void MoveToTeam(Guid teamId)
    {
        TeamId = teamId;
        Version = Guid.NewGuid();
    }

    /// <summary>The contact asked not to be asked again; the first time counts.</summary>
    public void ContactOptsOut(DateTime atUtc) => ContactOptedOutAt ??= atUtc;

    public void Archive(DateTime atUtc)
    {
        if (IsArchived)
        {
            return;
        }

        ArchivedAt = atUtc;
        Version = Guid.NewGuid();
    }

    public void Restore()
    {
        ArchivedAt = null;
        Version = Guid.NewGuid();
    }

    private void Apply(RelationshipDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        ClientOrganisation = RequiredText(details.ClientOrganisation, NameMaxLength, nameof(details.ClientOrganisation));
        ContactName = RequiredText(details.ContactName, NameMaxLength, nameof(details.ContactName));
        ContactRole = OptionalText(details.ContactRole, ContactRoleMaxLength, nameof(details.ContactRole));
        var previousEmail = ContactEmail;
        ContactEmail = OptionalText(details.ContactEmail, ContactEmailMaxLength, nameof(details.ContactEmail)) is { } email
            ? IsPlausibleEmail(email) ? email : throw new ArgumentException("The contact's email address is not valid.", nameof(details))
            : null;
        if (previousEmail is not null && ContactEmail is not null && !string.Equals(ContactEmail, previousEmail, StringComparison.OrdinalIgnoreCase))
        {
            ContactOptedOutAt = null; // another person: their own choice is still to make
        }
        Stage = Enum.IsDefined(details.Stage)
            ? details.Stage
            : throw new ArgumentOutOfRangeException(nameof(details), details.Stage, "Unknown stage.");
        NextReviewDate = details.NextReviewDate;
        Version = Guid.NewGuid();
    }

    /// <summary>One address, name@domain, nothing around it.</summary>
    public static bool IsPlausibleEmail(string? value) =>
        value is not null && value.Length <= ContactEmailMaxLength
        && System.Net.Mail.MailAddress.TryCreate(value, out var address)
        && address.Address == value && address.DisplayName.Length == 0 && address.Host.Contains('.', StringComparison.Ordinal);

    private static string RequiredText(string? value, int maxLength, string name)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new ArgumentException($"{name} is required.", name);
        }

        return trimmed.Length <= maxLength
            ? trimmed
            : throw new ArgumentException($"{name} is longer than {maxLength} characters.", name);
    }

    private static string? OptionalText(string? value, int maxLength, string name)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : RequiredText(trimmed, maxLength, name);
    }
}

/// <summary>What a person enters about a relationship.</summary>
public sealed record RelationshipDetails(
    string ClientOrganisation,
    string ContactName,
    string? ContactRole,
    RelationshipStage Stage,
    DateOnly NextReviewDate,
    string? ContactEmail = null);
