using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Shared;

/// <summary>One scored meeting as the lists read it: its date, its four factors, and T as stored.</summary>
public sealed record MeetingScore(DateOnly MeetingDate, TrustFactors Factors, double Trust)
{
    /// <summary>The projection, for queries (EF Core translates it inside another query's Select too).</summary>
    public static readonly Expression<Func<Assessment, MeetingScore>> Of = a =>
        new MeetingScore(a.MeetingDate, a.Factors, a.Trust);

    public ScorePoint Point => new(MeetingDate, Factors);

    /// <summary>
    /// The scored meetings with these ids, read past the viewer's filter: for ids a filtered query chose. A list reads
    /// each relationship's latest id as a scalar (an index probe per row) and the meetings here, because a whole row
    /// projected inside another query's Select becomes a ranking of every assessment the viewer may see.
    /// </summary>
    public static async Task<Dictionary<Guid, MeetingScore>> ByIdAsync(TrustAdvisorDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Assessments.IgnoreQueryFilters().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.MeetingDate, a.Factors.Credibility, a.Factors.Reliability, a.Factors.Intimacy, a.Factors.SelfOrientation, a.Trust })
            .ToDictionaryAsync(
                a => a.Id, a => new MeetingScore(a.MeetingDate, new TrustFactors(a.Credibility, a.Reliability, a.Intimacy, a.SelfOrientation), a.Trust), cancellationToken);
    }
}
