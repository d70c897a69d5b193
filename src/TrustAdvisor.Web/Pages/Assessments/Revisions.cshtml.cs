using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Assessments;

/// <summary>Every revision of one scored meeting: what was judged first, and each correction with its reason.</summary>
public sealed class RevisionsModel(TrustAdvisorDbContext db, IViewerAccessor viewer) : PageModel
{
    public RelationshipHeader Relationship { get; private set; } = null!;
    public IReadOnlyList<Revision> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var lineage = await db.Assessments.Where(a => a.Id == id)
            .Select(a => new { a.LineageId, a.RelationshipId })
            .FirstOrDefaultAsync(cancellationToken);
        var header = lineage is null ? null : await RelationshipHeader.FindAsync(db, lineage.RelationshipId, cancellationToken);
        if (lineage is null || header is null)
        {
            return NotFound();
        }

        Relationship = header;
        var viewerId = viewer.Current.UserId;
        Revisions = await db.Assessments.Where(a => a.LineageId == lineage.LineageId)
            .OrderByDescending(a => a.Revision)
            .Select(a => new Revision(
                a.Revision, a.MeetingDate, a.MeetingKind, a.Factors,
                a.Trust, a.RecordedAt, a.CorrectionReason, a.SupersededAt,
                db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                Assessment.CanReadNote(a.NoteIsPrivate, a.NoteAuthorId, viewerId) ? a.Note : null,
                a.NoteIsPrivate))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record Revision(
        int Number,
        DateOnly MeetingDate,
        MeetingKind MeetingKind,
        TrustFactors Factors,
        double Trust,
        DateTime RecordedAt,
        string? CorrectionReason,
        DateTime? SupersededAt,
        string? AuthorName,
        string? ReadableNote,
        bool NoteIsPrivate);
}
