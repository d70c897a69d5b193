using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Clients;

/// <summary>Finds the organisation and the person a relationship's form (or an imported row) names, or adds them.</summary>
public static class ClientDirectory
{
    /// <summary>
    /// The contact the details name (<see cref="ContactMatch"/>), at the organisation of that name, each found or added
    /// to the context; saved with the caller's changes. <paramref name="current"/> is the relationship's contact when
    /// it is being edited, loaded by the same context.
    /// </summary>
    public static async Task<Contact> ContactForAsync(
        TrustAdvisorDbContext db, RelationshipDetails details, Contact? current, DateTime nowUtc, CancellationToken cancellationToken, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(details);
        var organisation = await OrganisationNamedAsync(db, details.ClientOrganisation, cancellationToken);
        List<Contact> known;
        if (organisation is null)
        {
            organisation = new Organisation(Guid.CreateVersion7(nowUtc), details.ClientOrganisation, nowUtc, isDemo);
            db.Organisations.Add(organisation);
            known = [];
        }
        else
        {
            var organisationId = organisation.Id;
            known = await db.Contacts.Where(c => c.OrganisationId == organisationId).ToListAsync(cancellationToken);
            known.AddRange(db.Contacts.Local.Where(c => c.OrganisationId == organisationId && !known.Contains(c)));
        }

        var contact = ContactMatch.Choose(organisation, known, details.Contact, current, Guid.CreateVersion7(nowUtc), nowUtc);
        if (db.Entry(contact).State == EntityState.Detached)
        {
            db.Contacts.Add(contact);
        }

        return contact;
    }

    /// <summary>The organisation of that name, trimmed and whatever its case; one added to the context but not saved yet counts.</summary>
    public static async Task<Organisation?> OrganisationNamedAsync(TrustAdvisorDbContext db, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var normalized = Organisation.Normalize(name);
        return db.Organisations.Local.FirstOrDefault(o => o.NormalizedName == normalized)
            ?? await db.Organisations.FirstOrDefaultAsync(o => o.NormalizedName == normalized, cancellationToken);
    }
}
