namespace TrustAdvisor.Web.Pages.Pulses;

/// <summary>One of the four statements the client answers, in the client's words; higher is always better for them.</summary>
public sealed record ClientStatement(string Field, string Summary, Func<string, string> Statement, string Low, string Middle, string High)
{
    /// <summary>How to read the scale, under the statement.</summary>
    public string Hint => Field == nameof(ClientAnswerInput.InterestsFirst)
        ? "1: not at all, 10: completely. A high answer counts against self-interest, so higher is better here too."
        : "1: not at all, 10: completely.";

    public static ClientStatement Credibility { get; } = new(
        nameof(ClientAnswerInput.Credibility), "I can believe what they tell me",
        advisor => $"I can believe what {advisor} tells me.",
        "I check what they say", "I take their word on routine matters", "I act on their advice");

    public static ClientStatement Reliability { get; } = new(
        nameof(ClientAnswerInput.Reliability), "They do what they say they will",
        advisor => $"{advisor} does what they say they will.",
        "Promises slip", "Mostly, and on time", "Every time");

    public static ClientStatement Intimacy { get; } = new(
        nameof(ClientAnswerInput.Intimacy), "I can raise difficult things with them",
        advisor => $"I can raise difficult things with {advisor}.",
        "I keep it strictly business", "I share work worries", "I tell them what I tell few others");

    public static ClientStatement InterestsFirst { get; } = new(
        nameof(ClientAnswerInput.InterestsFirst), "They put my interests first",
        advisor => $"{advisor} puts my interests first.",
        "It is about their sale", "A balance of theirs and mine", "Always my interests first");

    public static IReadOnlyList<ClientStatement> All { get; } = [Credibility, Reliability, Intimacy, InterestsFirst];
}
