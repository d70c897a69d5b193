namespace TrustAdvisor.Domain.Coaching;

/// <summary>
/// A small risk an advisor took in a meeting that builds trust when it is taken for the client's sake
/// (docs/domain.md, "From a score to action"): worth recording beside the meeting.
/// </summary>
public enum ConstructiveRisk
{
    AdmittedNotKnowing,
    StretchCommitment,
    OfferedPointOfView,
    NamedHowTheClientSeesIt,
    RecommendedSomeoneElse,
}

public static class ConstructiveRisks
{
    public static IReadOnlyList<ConstructiveRisk> All { get; } = Enum.GetValues<ConstructiveRisk>();

    public static string Describe(ConstructiveRisk risk) => risk switch
    {
        ConstructiveRisk.AdmittedNotKnowing => "Admitted not knowing something",
        ConstructiveRisk.StretchCommitment => "Made a stretch commitment",
        ConstructiveRisk.OfferedPointOfView => "Offered a point of view",
        ConstructiveRisk.NamedHowTheClientSeesIt => "Said out loud how the client might see it",
        ConstructiveRisk.RecommendedSomeoneElse => "Recommended someone else when that served the client better",
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, "Unknown constructive risk."),
    };
}
