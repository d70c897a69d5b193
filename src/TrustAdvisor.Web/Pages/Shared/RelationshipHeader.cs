using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Shared;

/// <summary>A relationship's summary with its latest T: the top of every page about one relationship.</summary>
public sealed record RelationshipHeader : RelationshipSummary
{
    public RelationshipHeader(RelationshipSummary summary, double? latestTrust, MeetingKind? latestMeetingKind)
        : base(summary)
    {
        LatestTrust = latestTrust;
        LatestMeetingKind = latestMeetingKind;
    }

    public double? LatestTrust { get; }

    public MeetingKind? LatestMeetingKind { get; }

    // Compiled: the scoring form's GET and post both run it, and EF Core's matching of the LINQ to its cached plan
    // on each call was a measurable part of a scoring post's CPU (docs/benchmarks-profile.md).
    private static readonly PerProvider<Func<TrustAdvisorDbContext, Guid, CancellationToken, Task<RelationshipHeader?>>> Query = new(() => EF.CompileAsyncQuery(
        (TrustAdvisorDbContext db, Guid id, CancellationToken cancellationToken) => db.Relationships.Where(r => r.Id == id)
            .Select(r => new RelationshipHeader(
                new RelationshipSummary(
                    r.Id, r.Contact.OrganisationId, r.Contact.Organisation.Name, r.Contact.Name, r.Contact.Role, r.Stage, r.NextReviewDate, r.IsDemo, r.ArchivedAt,
                    db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault()),
                db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == r.Id)
                    .Select(a => (double?)a.Trust).FirstOrDefault(),
                db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == r.Id)
                    .Select(a => (MeetingKind?)a.MeetingKind).FirstOrDefault()))
            .AsNoTracking()
            .FirstOrDefault()));

    public static Task<RelationshipHeader?> FindAsync(TrustAdvisorDbContext db, Guid id, CancellationToken cancellationToken) =>
        Query.For(db)(db, id, cancellationToken);
}
