using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Organisations;

/// <summary>
/// A client organisation as a viewer sees it: the relationships with its people that they may see (archived ones left
/// out), side by side, and their roll-up (median T, the weakest relationship, the factor weakest across them, the
/// single-threaded risk).
/// </summary>
public sealed record OrganisationView(string Name, string? Domain, IReadOnlyList<OrganisationView.Row> Rows)
{
    public OrganisationRollUp RollUp { get; } = OrganisationRollUp.Of([.. Rows.Select(r => new ThreadScore(r.Id, r.ContactId, r.Latest?.Factors))]);

    public int ContactCount => Rows.Select(r => r.ContactId).Distinct().Count();

    /// <summary>Null when the organisation does not exist or the viewer sees no relationship there.</summary>
    public static async Task<OrganisationView?> LoadAsync(TrustAdvisorDbContext db, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await db.Relationships
            .Where(r => r.Contact.OrganisationId == id && r.ArchivedAt == null)
            .OrderBy(r => r.Contact.Name).ThenBy(r => r.CreatedAt)
            .Select(r => new
            {
                r.Id,
                Organisation = r.Contact.Organisation.Name,
                r.Contact.Organisation.Domain,
                r.ContactId,
                ContactName = r.Contact.Name,
                ContactRole = r.Contact.Role,
                ContactEmail = r.Contact.Email,
                OptedOut = r.Contact.OptedOutAt != null,
                r.Stage,
                r.IsDemo,
                HasOwner = r.OwnerId != null,
                Owner = db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                LatestId = db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == r.Id).Select(a => (Guid?)a.Id).FirstOrDefault(),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (found.Count == 0)
        {
            return null;
        }

        // The viewer's filter chose the relationships above: what is theirs is read by id, in one statement each.
        var latest = await MeetingScore.ByIdAsync(db, [.. found.Select(r => r.LatestId).OfType<Guid>()], cancellationToken);
        var ids = found.Select(r => r.Id).ToList();
        var clientViews = await db.Pulses.IgnoreQueryFilters()
            .Where(p => ids.Contains(p.RelationshipId) && p.Status == PulseStatus.Answered)
            .GroupBy(p => p.RelationshipId)
            .Select(g => g.OrderByDescending(p => p.AnsweredOn).ThenByDescending(p => p.ClosedAt).Select(p => new { p.RelationshipId, p.AnsweredOn, p.Trust }).First())
            .ToDictionaryAsync(p => p.RelationshipId, cancellationToken);
        var rows = found.Select(r => new Row(
            r.Id, r.ContactId, r.ContactName, r.ContactRole, r.ContactEmail, r.OptedOut, r.Stage, r.IsDemo, r.HasOwner, r.Owner,
            latest.GetValueOrDefault(r.LatestId ?? Guid.Empty), clientViews.GetValueOrDefault(r.Id)?.AnsweredOn, clientViews.GetValueOrDefault(r.Id)?.Trust)).ToList();
        return new OrganisationView(found[0].Organisation, found[0].Domain, rows);
    }

    public Row RowOf(Guid relationshipId) => Rows.First(r => r.Id == relationshipId);

    public string ContactNameOf(Guid contactId) => Rows.First(r => r.ContactId == contactId).ContactName;

    /// <summary>One relationship at the organisation: the contact, whose it is, where it stands, the latest scores both ways.</summary>
    public sealed record Row(
        Guid Id, Guid ContactId, string ContactName, string? ContactRole, string? ContactEmail, bool ContactOptedOut,
        RelationshipStage Stage, bool IsDemo, bool HasOwner, string? Owner, MeetingScore? Latest, DateOnly? ClientAnsweredOn, double? ClientTrust)
    {
        public string Contact => ContactRole is null ? ContactName : $"{ContactName}, {ContactRole}";

        /// <summary>Why "Ask everyone" leaves this contact out, or null when it asks them.</summary>
        public string? NotAskedBecause =>
            ContactOptedOut ? "asked not to be asked again"
            : ContactEmail is null ? "no email address"
            : !HasOwner ? "no owner to answer about"
            : null;
    }
}
