namespace TrustAdvisor.Web.Pages.Shared;

/// <summary>
/// One question answered 1 to 10 as ten large buttons (radio inputs, no script): a factor on the scoring form, a
/// statement on the client's pulse. <see cref="Field"/> is the input's name inside its form's Input.
/// </summary>
public sealed record ScaleField(string Field, string Legend, string Question, string Low, string Middle, string High, string? Chosen, string? Error);
