using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Relationships;

namespace TrustAdvisor.Domain.Tests.Clients;

/// <summary>Organisations, contacts and relationships for the domain's tests.</summary>
internal static class Given
{
    public static readonly DateTime Now = new(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc);

    public static Organisation Acme { get; } = new(Guid.NewGuid(), "Acme Ltd", Now);

    public static Contact ContactAt(Organisation organisation, string name = "Jo Bloggs", string? role = "CFO", string? email = null) =>
        new(Guid.NewGuid(), organisation, name, role, email, Now);

    public static Relationship RelationshipWith(Contact contact, Guid? owner = null) =>
        new(Guid.NewGuid(), contact, RelationshipStage.Vet, new DateOnly(2027, 1, 15), owner ?? Guid.NewGuid(), Guid.NewGuid(), Now);
}
