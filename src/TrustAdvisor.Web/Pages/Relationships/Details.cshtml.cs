using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>One relationship: its latest T, the chart of T and the factors, and every assessment.</summary>
public sealed class DetailsModel(TrustAdvisorDbContext db, TimeProvider time, IViewerAccessor viewer) : PageModel
{
    public Guid? ViewerId => viewer.Current.UserId;

    public RelationshipHeader Relationship { get; private set; } = null!;
    public RelationshipHistory History { get; private set; } = RelationshipHistory.Empty;
    public ClientView Client { get; private set; } = ClientView.Empty;
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
                new TrustFactors(a.Credibility, a.Reliability, a.Intimacy, a.SelfOrientation), a.Trust,
                a.Note, a.CorrectionReason,
                db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                a.AuthorId,
                a.NoteAuthorId,
                a.NoteIsPrivate))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var handOffs = await db.HandOffs.Where(h => h.RelationshipId == id)
            .OrderBy(h => h.HandedOffAt)
            .Select(h => new
            {
                h.HandedOffAt,
                h.ToOwnerId,
                From = db.Users.Where(u => u.Id == h.FromOwnerId).Select(u => u.DisplayName).First(),
                To = db.Users.Where(u => u.Id == h.ToOwnerId).Select(u => u.DisplayName).First(),
                By = db.Users.Where(u => u.Id == h.ByUserId).Select(u => u.DisplayName).First(),
                h.Note,
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        History = RelationshipHistory.From(
            assessments,
            handOffs.Select(h => new RelationshipHistory.HandOffEvent(
                DateOnly.FromDateTime(h.HandedOffAt), h.ToOwnerId, h.From, h.To, h.By, h.Note)).ToList());
        Client = await ClientView.LoadAsync(db, id, viewer.Current, History, time.UtcNow(), cancellationToken);
        return Page();
    }
}
