namespace TrustAdvisor.Infrastructure.Audit;

/// <summary>Security-relevant things that happened, for administrators to read back.</summary>
public enum AuditKind
{
    SignInSucceeded,
    SignInFailed,
    LockedOut,
    PersonCreated,
    Deactivated,
    Reactivated,
    PasswordReset,
    PasswordChanged,
    HandOff,
    DemoRemoved,
    PasswordResetAsked,
    SessionsEnded,
    TwoFactorOn,
    TwoFactorOff,
    RecoveryCodesRenewed,
    TwoFactorReset,
    TwoFactorRequired,
    InvitationSent,
    InvitationAccepted,
    InvitationWithdrawn,
    RoleOrTeamChanged,
    TeamRenamed,
    TeamRemoved,
    SingleSignOnLinked,
    SignedOutByProvider,
    PasswordSignInChanged,
    Left,
    Imported,
    ContactExported,
    ContactErased,
    RecoveryPlanOpened,
    RecoveryPlanConfirmed,
    RecoveryStepAdded,
    RecoveryStepDone,
    RecoveryPlanClosed,
}

/// <summary>One entry of the audit log. Never updated or deleted by the app.</summary>
public sealed class AuditEvent
{
    public const int DetailMaxLength = 500;
    public const int AddressMaxLength = 64;

    public Guid Id { get; init; }
    public DateTime At { get; init; }
    public AuditKind Kind { get; init; }

    /// <summary>Who did it; null for someone not signed in (a sign-in attempt).</summary>
    public Guid? ActorId { get; init; }

    /// <summary>Whom or what it was about: a person, for a hand-off the relationship, for a recovery plan's change the plan.</summary>
    public Guid? SubjectId { get; init; }

    public string? Detail { get; init; }

    /// <summary>The client's address as the app saw it.</summary>
    public string? Address { get; init; }
}
