using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Organisations;

/// <summary>
/// A client organisation: the relationships with its people that the viewer may see, side by side, and their roll-up
/// (median T, the weakest relationship, the factor weakest across them, the single-threaded risk). Archived
/// relationships are left out. An organisation with none the viewer may see is not found, whatever its name.
/// </summary>
public sealed class DetailsModel(TrustAdvisorDbContext db) : PageModel
{
    public string Name { get; private set; } = string.Empty;
    public string? Domain { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public OrganisationRollUp RollUp { get; private set; } = OrganisationRollUp.Of([]);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Where(o => o.Id == id).Select(o => new { o.Name, o.Domain }).FirstOrDefaultAsync(cancellationToken);
        Rows = await db.Relationships
            .Where(r => r.Contact.OrganisationId == id && r.ArchivedAt == null)
            .OrderBy(r => r.Contact.Name).ThenBy(r => r.CreatedAt)
            .Select(r => new Row(
                r.Id, r.ContactId, r.Contact.Name, r.Contact.Role, r.Stage, r.IsDemo,
                db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == r.Id).Select(MeetingScore.Of).FirstOrDefault(),
                db.Pulses.Where(p => p.RelationshipId == r.Id && p.Status == PulseStatus.Answered)
                    .OrderByDescending(p => p.AnsweredOn).ThenByDescending(p => p.ClosedAt)
                    .Select(p => p.AnsweredOn).FirstOrDefault(),
                db.Pulses.Where(p => p.RelationshipId == r.Id && p.Status == PulseStatus.Answered)
                    .OrderByDescending(p => p.AnsweredOn).ThenByDescending(p => p.ClosedAt)
                    .Select(p => p.Trust).FirstOrDefault()))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (organisation is null || Rows.Count == 0)
        {
            return NotFound();
        }

        (Name, Domain) = (organisation.Name, organisation.Domain);
        RollUp = OrganisationRollUp.Of([.. Rows.Select(r => new ThreadScore(r.Id, r.ContactId, r.Latest?.Factors))]);
        return Page();
    }

    public Row RowOf(Guid relationshipId) => Rows.First(r => r.Id == relationshipId);

    public string ContactNameOf(Guid contactId) => Rows.First(r => r.ContactId == contactId).ContactName;

    /// <summary>One relationship at the organisation: the contact, whose it is, where it stands, the latest scores both ways.</summary>
    public sealed record Row(
        Guid Id, Guid ContactId, string ContactName, string? ContactRole, RelationshipStage Stage, bool IsDemo, string? Owner,
        MeetingScore? Latest, DateOnly? ClientAnsweredOn, double? ClientTrust)
    {
        public string Contact => ContactRole is null ? ContactName : $"{ContactName}, {ContactRole}";
    }
}
