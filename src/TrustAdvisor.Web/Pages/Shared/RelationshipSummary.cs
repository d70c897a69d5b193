using TrustAdvisor.Domain.Relationships;

namespace TrustAdvisor.Web.Pages.Shared;

/// <summary>
/// A relationship as every list and page shows it: the client and contact, where it stands, whose it is. The list of
/// relationships, the overview and the top of each relationship's pages (<see cref="RelationshipHeader"/>) share it.
/// </summary>
public record RelationshipSummary(
    Guid Id,
    Guid OrganisationId,
    string ClientOrganisation,
    string ContactName,
    string? ContactRole,
    RelationshipStage Stage,
    DateOnly NextReviewDate,
    bool IsDemo,
    DateTime? ArchivedAt,
    string? Owner)
{
    public bool IsArchived => ArchivedAt is not null;

    /// <summary>"Jane Doe, CFO", or the name alone.</summary>
    public string Contact => ContactRole is null ? ContactName : $"{ContactName}, {ContactRole}";
}
