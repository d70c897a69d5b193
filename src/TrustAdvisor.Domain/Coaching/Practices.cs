using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Coaching;

/// <summary>What grows each factor, as concrete things to do in the next meeting (docs/domain.md, "From a score to action").</summary>
public static class Practices
{
    public static IReadOnlyList<string> For(Factor factor) => factor.Pick(Credibility, Reliability, Intimacy, SelfOrientation);

    private static readonly IReadOnlyList<string> Credibility =
    [
        "Bring one insight about their business that they have not heard from you before.",
        "Say plainly what you do not know, and when you will come back with it.",
        "Check a fact before you state it, and correct yourself openly when you were wrong.",
    ];

    private static readonly IReadOnlyList<string> Reliability =
    [
        "Make small promises in the meeting and keep them, often: the note the same day, the call at the time you said.",
        "Note each promise with the day it is due when you score the meeting, and mark it kept.",
        "Tell them before a date slips, not after.",
    ];

    private static readonly IReadOnlyList<string> Intimacy =
    [
        "Listen more than you speak: ask what worries them, then ask what lies behind it.",
        "Take a small, appropriate personal risk: share a view, or an uncertainty of your own.",
        "Remember what they told you last time, and ask after it.",
    ];

    private static readonly IReadOnlyList<string> SelfOrientation =
    [
        "Stay on their problem: ask before you propose.",
        "Let a conversation end without steering it to the next piece of work.",
        "Recommend someone else when that serves them better.",
    ];
}
