namespace TrustAdvisor.Domain.Recovery;

/// <summary>
/// A draft (opened by itself after a sharp drop, for the owner to confirm), open, then achieved or abandoned. A
/// relationship has at most one plan that is a draft or open.
/// </summary>
public enum RecoveryPlanStatus
{
    Draft,
    Open,
    Achieved,
    Abandoned,
}
