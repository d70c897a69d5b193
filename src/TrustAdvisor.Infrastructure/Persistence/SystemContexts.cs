namespace TrustAdvisor.Infrastructure.Persistence;

/// <summary>
/// Contexts that see every row (<see cref="Viewer.System"/>), for work the app does on its own behalf rather than for
/// the person of the request: deciding and composing scheduled mail, and its samples (ADR 5). Each is a lease from
/// the pool that its disposal returns. The token pages read past the filter in their own queries instead (ADR 5).
/// </summary>
public sealed class SystemContexts(Func<TrustAdvisorDbContext> lease)
{
    public TrustAdvisorDbContext Lease() => lease();
}
