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
        var organisation = await db.Organisations.Where(o => o.Id == id).Select(o => new { o.Name, o.Domain }).FirstOrDefaultAsync(cancellationToken);
        var found = await db.Relationships
            .Where(r => r.Contact.OrganisationId == id && r.ArchivedAt == null)
            .OrderBy(r => r.Contact.Name).ThenBy(r => r.CreatedAt)
            .Select(r => new
            {
                r.Id,
                r.ContactId,
                ContactName = r.Contact.Name,
                ContactRole = r.Contact.Role,
                ContactEmail = r.Contact.Email,
                OptedOut = r.Contact.OptedOutAt != null,
                r.Stage,
                r.IsDemo,
                HasOwner = r.OwnerId != null,
                Owner = db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                // A scalar each: an index probe per relationship (a whole row here would rank the whole assessments table).
                LatestId = db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == r.Id).Select(a => (Guid?)a.Id).FirstOrDefault(),
                ClientAnsweredOn = db.Pulses.Where(p => p.RelationshipId == r.Id && p.Status == PulseStatus.Answered)
                    .OrderByDescending(p => p.AnsweredOn).ThenByDescending(p => p.ClosedAt).Select(p => p.AnsweredOn).FirstOrDefault(),
                ClientTrust = db.Pulses.Where(p => p.RelationshipId == r.Id && p.Status == PulseStatus.Answered)
                    .OrderByDescending(p => p.AnsweredOn).ThenByDescending(p => p.ClosedAt).Select(p => p.Trust).FirstOrDefault(),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var latestIds = found.Where(r => r.LatestId is not null).Select(r => r.LatestId!.Value).ToList();
        var latest = await db.Assessments.Where(a => latestIds.Contains(a.Id)).Select(a => new { a.Id, Score = new MeetingScore(a.MeetingDate, a.Factors, a.Trust) })
            .AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Score, cancellationToken);
        var rows = found.Select(r => new Row(
            r.Id, r.ContactId, r.ContactName, r.ContactRole, r.ContactEmail, r.OptedOut, r.Stage, r.IsDemo, r.HasOwner, r.Owner,
            r.LatestId is { } latestId ? latest[latestId] : null, r.ClientAnsweredOn, r.ClientTrust)).ToList();
        return organisation is null || rows.Count == 0 ? null : new OrganisationView(organisation.Name, organisation.Domain, rows);
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
