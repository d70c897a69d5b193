using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>Who and where a relationship is, with its latest T: the top of every page about one relationship.</summary>
public sealed record RelationshipHeader(
    Guid Id,
    string ClientOrganisation,
    string ContactName,
    string? ContactRole,
    RelationshipStage Stage,
    DateOnly NextReviewDate,
    bool IsDemo,
    DateTime? ArchivedAt,
    double? LatestTrust,
    MeetingKind? LatestMeetingKind,
    string? OwnerName)
{
    public bool IsArchived => ArchivedAt is not null;

    public string Contact => ContactRole is null ? ContactName : $"{ContactName}, {ContactRole}";

    public static Task<RelationshipHeader?> FindAsync(TrustAdvisorDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Relationships.Where(r => r.Id == id)
            .Select(r => new RelationshipHeader(
                r.Id, r.ClientOrganisation, r.ContactName, r.ContactRole, r.Stage, r.NextReviewDate, r.IsDemo, r.ArchivedAt,
                db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == r.Id)
                    .Select(a => (double?)a.Trust).FirstOrDefault(),
                db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == r.Id)
                    .Select(a => (MeetingKind?)a.MeetingKind).FirstOrDefault(),
                db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault()))
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
}
