using System.Linq.Expressions;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Web.Pages.Shared;

/// <summary>One scored meeting as the lists read it: its date, its four factors, and T as stored.</summary>
public sealed record MeetingScore(DateOnly MeetingDate, TrustFactors Factors, double Trust)
{
    /// <summary>The projection, for queries (EF Core translates it inside another query's Select too).</summary>
    public static readonly Expression<Func<Assessment, MeetingScore>> Of = a =>
        new MeetingScore(a.MeetingDate, a.Factors, a.Trust);

    public ScorePoint Point => new(MeetingDate, Factors);
}
