using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Web.Pages.Overview;

/// <summary>A relationship's latest answered pulse: the day and the client's answers as the equation's factors.</summary>
public sealed record LatestAnswer(DateOnly AnsweredOn, TrustFactors Client);
