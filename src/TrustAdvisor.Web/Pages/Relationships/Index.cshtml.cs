using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Relationships;

public sealed class IndexModel(TrustAdvisorDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Archived { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool HasDemoData { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = time.Today();
        var rows = await db.Relationships
            .Where(r => Archived ? r.ArchivedAt != null : r.ArchivedAt == null)
            .OrderBy(r => r.Contact.Organisation.Name).ThenBy(r => r.Contact.Name)
            .Select(r => new
            {
                Relationship = new RelationshipSummary(
                    r.Id, r.Contact.OrganisationId, r.Contact.Organisation.Name, r.Contact.Name, r.Contact.Role, r.Stage, r.NextReviewDate, r.IsDemo, r.ArchivedAt,
                    db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault()),
                LatestId = db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == r.Id).Select(a => (Guid?)a.Id).FirstOrDefault(),
                PreviousId = db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == r.Id).Select(a => (Guid?)a.Id).Skip(1).FirstOrDefault(),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var scores = await MeetingScore.ByIdAsync(db, [.. rows.SelectMany(r => new[] { r.LatestId, r.PreviousId }).OfType<Guid>()], cancellationToken);
        Rows = rows.Select(r => (r.Relationship, Latest: scores.GetValueOrDefault(r.LatestId ?? Guid.Empty), Previous: scores.GetValueOrDefault(r.PreviousId ?? Guid.Empty)))
            .Select(r => new Row(
                r.Relationship, r.Latest,
                r.Latest is { } latest && r.Previous is { } previous ? TrustChange.Between(previous.Factors, latest.Factors) : null))
            .ToList();
        HasDemoData = Rows.Any(r => r.Relationship.IsDemo);
    }

    public sealed record Row(RelationshipSummary Relationship, MeetingScore? Latest, TrustChange? Change);
}
