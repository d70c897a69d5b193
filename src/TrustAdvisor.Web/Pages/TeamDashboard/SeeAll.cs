namespace TrustAdvisor.Web.Pages.TeamDashboard;

/// <summary>A dashboard list folded to its first rows on a phone: the section to unfold, how many rows it has, and what they are.</summary>
public sealed record SeeAll(string Section, int Count, string What);
