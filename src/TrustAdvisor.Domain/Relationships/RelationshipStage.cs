namespace TrustAdvisor.Domain.Relationships;

/// <summary>The stages a relationship goes through (Maister, Green, Galford).</summary>
public enum RelationshipStage
{
    Meet,
    Vet,
    Establish,
    Maintain,
}
