using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Clients;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Tests.Infrastructure;

/// <summary>
/// Relationships made straight in the database for a test's setup. Each gets a contact of its own (never one another
/// test made with the same name), at the organisation of that name, found or added: tests stay independent.
/// </summary>
internal static class TestClients
{
    public static async Task<Relationship> AddRelationshipAsync(
        TrustAdvisorDbContext db, RelationshipDetails details, Guid ownerId, Guid teamId, DateTime nowUtc, bool isDemo = false)
    {
        var organisation = await ClientDirectory.OrganisationNamedAsync(db, details.ClientOrganisation, CancellationToken.None)
            ?? db.Organisations.Add(new Organisation(Guid.CreateVersion7(nowUtc), details.ClientOrganisation, nowUtc, isDemo)).Entity;
        var contact = db.Contacts.Add(new Contact(Guid.CreateVersion7(nowUtc), organisation, details.ContactName, details.ContactRole, details.ContactEmail, nowUtc)).Entity;
        return db.Relationships.Add(new Relationship(
            Guid.CreateVersion7(nowUtc), contact, details.Stage, details.NextReviewDate, ownerId, teamId, nowUtc, isDemo)).Entity;
    }
}
