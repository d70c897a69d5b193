using TrustAdvisor.Domain.Clients;

namespace TrustAdvisor.Domain.Relationships;

/// <summary>
/// The relationship between an advisor and one contact at a client organisation.
/// T is a property of this, not of a person. It is archived, never deleted: its assessments stay.
/// </summary>
public sealed class Relationship
{
    public const int ExternalIdMaxLength = 100;

    private Relationship()
    {
    }

    public Relationship(Guid id, Contact contact, RelationshipStage stage, DateOnly nextReviewDate, Guid ownerId, Guid teamId, DateTime createdAtUtc, bool isDemo = false)
        : this()
    {
        Id = id;
        OwnerId = ownerId;
        TeamId = teamId;
        CreatedAt = createdAtUtc;
        IsDemo = isDemo;
        Update(contact, stage, nextReviewDate);
    }

    public Guid Id { get; private set; }

    /// <summary>The advisor whose relationship this is. Null only for relationships recorded before accounts existed.</summary>
    public Guid? OwnerId { get; private set; }

    /// <summary>The owner's team, whose manager reviews it. Null only for relationships recorded before accounts existed.</summary>
    public Guid? TeamId { get; private set; }

    /// <summary>The person at the client the relationship is with; their organisation is the client.</summary>
    public Guid ContactId { get; private set; }

    public Contact Contact { get; private set; } = null!;

    public RelationshipStage Stage { get; private set; }

    /// <summary>The relationship's id in the system it was imported from (a CRM's), which a later import matches on.</summary>
    public string? ExternalId { get; private set; }
    /// <summary>Every relationship, even a screened-out prospect, has a date to look at it again.</summary>
    public DateOnly NextReviewDate { get; private set; }

    /// <summary>Generated demo data, shown as such so nobody mistakes it for a real client.</summary>
    public bool IsDemo { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime? ArchivedAt { get; private set; }
    public bool IsArchived => ArchivedAt is not null;

    /// <summary>Changes on every edit; an edit based on an older version is refused (optimistic concurrency).</summary>
    public Guid Version { get; private set; }

    public void Update(Contact contact, RelationshipStage stage, DateOnly nextReviewDate)
    {
        ArgumentNullException.ThrowIfNull(contact);
        Contact = contact;
        ContactId = contact.Id;
        Stage = Enum.IsDefined(stage) ? stage : throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage.");
        NextReviewDate = nextReviewDate;
        Version = Guid.NewGuid();
    }

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

    /// <summary>Given once, by an import; another id for the same relationship is refused there.</summary>
    public void SetExternalId(string externalId)
    {
        var trimmed = externalId?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > ExternalIdMaxLength)
        {
            throw new ArgumentException($"An external id has 1 to {ExternalIdMaxLength} characters.", nameof(externalId));
        }

        if (ExternalId is not null && ExternalId != trimmed)
        {
            throw new InvalidOperationException("The relationship has another external id already.");
        }

        ExternalId = trimmed;
    }

    /// <summary>The owner moved to another team and keeps the relationship: it goes with them.</summary>
    public void MoveToTeam(Guid teamId)
    {
        TeamId = teamId;
        Version = Guid.NewGuid();
    }

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
}

/// <summary>What a person enters about a relationship: the client and contact by name, as on its form or in an imported row.</summary>
public sealed record RelationshipDetails(
    string ClientOrganisation,
    string ContactName,
    string? ContactRole,
    RelationshipStage Stage,
    DateOnly NextReviewDate,
    string? ContactEmail = null)
{
    public ContactDetails Contact => new(ContactName, ContactRole, ContactEmail);
}
