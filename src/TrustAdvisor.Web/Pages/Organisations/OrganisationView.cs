using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trust;
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
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (organisation is null || found.Count == 0)
        {
            return null;
        }

        // The viewer's filter chose the relationships above; what is theirs is read by id without checking it again (a
        // filter in a subquery is checked once per row). A scalar each: an index probe per relationship, where a whole
        // row here would rank the whole assessments table.
        var ids = found.Select(r => r.Id).ToList();
        var latestOf = await db.Relationships.IgnoreQueryFilters().Where(r => ids.Contains(r.Id))
            .Select(r => new
            {
                r.Id,
                LatestId = db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == r.Id).Select(a => (Guid?)a.Id).FirstOrDefault(),
                ClientAnsweredOn = db.Pulses.Where(p => p.RelationshipId == r.Id && p.Status == PulseStatus.Answered)
                    .OrderByDescending(p => p.AnsweredOn).ThenByDescending(p => p.ClosedAt).Select(p => p.AnsweredOn).FirstOrDefault(),
                ClientTrust = db.Pulses.Where(p => p.RelationshipId == r.Id && p.Status == PulseStatus.Answered)
                    .OrderByDescending(p => p.AnsweredOn).ThenByDescending(p => p.ClosedAt).Select(p => p.Trust).FirstOrDefault(),
            })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var latestIds = latestOf.Values.Where(r => r.LatestId is not null).Select(r => r.LatestId!.Value).ToList();
        var latest = await db.Assessments.IgnoreQueryFilters().Where(a => latestIds.Contains(a.Id))
            .Select(a => new { a.Id, a.MeetingDate, a.Factors.Credibility, a.Factors.Reliability, a.Factors.Intimacy, a.Factors.SelfOrientation, a.Trust })
            .ToDictionaryAsync(
                a => a.Id, a => new MeetingScore(a.MeetingDate, new TrustFactors(a.Credibility, a.Reliability, a.Intimacy, a.SelfOrientation), a.Trust), cancellationToken);
        var rows = found.Select(r => (Row: r, Of: latestOf.GetValueOrDefault(r.Id))).Select(x => new Row(
            x.Row.Id, x.Row.ContactId, x.Row.ContactName, x.Row.ContactRole, x.Row.ContactEmail, x.Row.OptedOut, x.Row.Stage, x.Row.IsDemo, x.Row.HasOwner,
            x.Row.Owner, x.Of?.LatestId is { } latestId ? latest.GetValueOrDefault(latestId) : null, x.Of?.ClientAnsweredOn, x.Of?.ClientTrust)).ToList();
        return new OrganisationView(organisation.Name, organisation.Domain, rows);
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
