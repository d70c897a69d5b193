using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Admin.Audit;

/// <summary>The audit log, newest first (administrators only, by the /Admin folder's policy).</summary>
public sealed class IndexModel(TrustAdvisorDbContext db) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await db.AuditEvents
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(Shown)
            .Select(e => new Entry(
                e.At,
                e.Kind,
                db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Where(u => u.Id == e.SubjectId).Select(u => u.DisplayName).FirstOrDefault(),
                e.Detail,
                e.Address))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    public sealed record Entry(DateTime At, AuditKind Kind, string? Actor, string? Subject, string? Detail, string? Address);

    public static string Describe(AuditKind kind) => kind switch
    {
        AuditKind.SignInSucceeded => "Signed in",
        AuditKind.SignInFailed => "Sign-in failed",
        AuditKind.LockedOut => "Locked out",
        AuditKind.PersonCreated => "Person added",
        AuditKind.Deactivated => "Deactivated",
        AuditKind.Reactivated => "Reactivated",
        AuditKind.PasswordReset => "Password reset",
        AuditKind.PasswordChanged => "Password changed",
        AuditKind.HandOff => "Relationship handed off",
        AuditKind.DemoRemoved => "Demo team removed",
        AuditKind.PasswordResetAsked => "Reset link asked for",
        AuditKind.SessionsEnded => "Sessions ended",
        AuditKind.TwoFactorOn => "Two-factor turned on",
        AuditKind.TwoFactorOff => "Two-factor turned off",
        AuditKind.RecoveryCodesRenewed => "New recovery codes",
        AuditKind.TwoFactorReset => "Two-factor reset",
        AuditKind.TwoFactorRequired => "Two-factor requirement changed",
        AuditKind.InvitationSent => "Invitation sent",
        AuditKind.InvitationAccepted => "Invitation accepted",
        AuditKind.InvitationWithdrawn => "Invitation withdrawn",
        AuditKind.RoleOrTeamChanged => "Role or team changed",
        AuditKind.TeamRenamed => "Team renamed",
        AuditKind.TeamRemoved => "Team removed",
        AuditKind.SingleSignOnLinked => "Joined single sign-on",
        AuditKind.SignedOutByProvider => "Signed out by the provider",
        AuditKind.PasswordSignInChanged => "Password sign-in changed",
        AuditKind.Left => "Left the firm",
        AuditKind.RecoveryPlanOpened => "Recovery plan opened",
        AuditKind.RecoveryPlanConfirmed => "Draft recovery plan confirmed",
        AuditKind.RecoveryStepAdded => "Recovery step added",
        AuditKind.RecoveryStepDone => "Recovery step done",
        AuditKind.RecoveryPlanClosed => "Recovery plan closed",
        _ => kind.ToString(),
    };
}
