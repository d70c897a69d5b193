using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Infrastructure;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>One relationship: its latest T, the chart of T and the factors, and every assessment.</summary>
public sealed class DetailsModel(TrustAdvisorDbContext db, TimeProvider time, IViewerAccessor viewer) : PageModel
{
    public Guid? ViewerId => viewer.Current.UserId;

    public RelationshipHeader Relationship { get; private set; } = null!;
    public RelationshipHistory History { get; private set; } = RelationshipHistory.Empty;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var header = await RelationshipHeader.FindAsync(db, id, cancellationToken);
        if (header is null)
        {
            return NotFound();
        }

        Relationship = header;
        Today = time.Today();
        var assessments = await db.Assessments
            .Where(a => a.RelationshipId == id && a.SupersededAt == null)
            .OrderBy(a => a.MeetingDate).ThenBy(a => a.LineageId)
            .Select(a => new RelationshipHistory.Stored(
                a.Id, a.LineageId, a.Revision, a.MeetingDate, a.MeetingKind,
                a.Credibility, a.Reliability, a.Intimacy, a.SelfOrientation, a.Trust,
                a.Note, a.CorrectionReason,
                db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                a.NoteAuthorId,
                a.NoteIsPrivate))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        History = RelationshipHistory.From(assessments);
        return Page();
    }
}
