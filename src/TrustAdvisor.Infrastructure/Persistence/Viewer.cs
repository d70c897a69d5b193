using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence;

/// <summary>
/// Whose eyes a query runs for. Advisors see the relationships they own, managers those of every team they manage
/// (their own and any they look after besides: <see cref="ManagedTeam"/>), administrators and the system (start-up,
/// migrations) everything; nobody else sees anything.
/// </summary>
public sealed record Viewer(Guid? UserId, Guid? TeamId, UserRole Role, bool SeesAll, IReadOnlyList<Guid>? OtherTeamIds = null)
{
    public static Viewer System { get; } = new(null, null, UserRole.Administrator, SeesAll: true);
    public static Viewer Nobody { get; } = new(null, null, UserRole.Advisor, SeesAll: false);

    public bool IsManager => Role == UserRole.Manager;

    /// <summary>The teams whose relationships a manager sees, their own first; none for anyone else.</summary>
    public IReadOnlyList<Guid> ManagedTeamIds => Role == UserRole.Manager
        ? [.. new[] { TeamId }.OfType<Guid>().Concat(OtherTeamIds ?? []).Distinct()]
        : [];

    /// <summary>Whether this viewer sees every relationship of the team (an administrator, or one of its managers).</summary>
    public bool Manages(Guid? teamId) => teamId is { } team && (SeesAll || ManagedTeamIds.Contains(team));
}

/// <summary>Supplies the viewer for the current unit of work (in the web app: the signed-in person).</summary>
public interface IViewerAccessor
{
    Viewer Current { get; }
}

/// <summary>Always the same viewer: for tools (as the system) and benchmarks (as a given person).</summary>
public sealed class FixedViewerAccessor(Viewer viewer) : IViewerAccessor
{
    public static FixedViewerAccessor System { get; } = new(Viewer.System);

    public Viewer Current => viewer;
}
