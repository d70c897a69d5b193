using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Web.Pages.Shared;

/// <summary>What a low, middle and high score of each factor looks like, in the advisor's words.</summary>
public sealed record FactorGuide(Factor Factor, string Question, string Low, string Middle, string High)
{
    public string Label => FactorNames.Of(Factor);

    /// <summary>The input's name inside the meeting form.</summary>
    public string Field => Factor.ToString();

    public static IReadOnlyList<FactorGuide> All { get; } =
    [
        new(Factor.Credibility, "Can they believe what you tell them?",
            "They double-check what I say",
            "They take my word on routine matters",
            "They act on my judgement, and trust me to say when I don't know"),
        new(Factor.Reliability, "Can they depend on you?",
            "Promises slipped or were forgotten",
            "I mostly deliver what I said, when I said",
            "Every commitment kept, meeting after meeting"),
        new(Factor.Intimacy, "Can they talk to you about this?",
            "Strictly business; nothing personal is shared",
            "They share work worries openly",
            "They confide what they tell few others"),
        new(Factor.SelfOrientation, "Whose interests came first? (lower is better)",
            "Entirely about their problem, not our sale",
            "Balanced between their needs and ours",
            "About our agenda: selling, talking about us"),
    ];
}
