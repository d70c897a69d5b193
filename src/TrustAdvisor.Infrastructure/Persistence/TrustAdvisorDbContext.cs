using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Teams;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence;

/// <summary>
/// The app's one model. Each database provider has a derived context only so that each keeps
/// its own migrations (docs/decisions/0001-two-database-providers.md); pages use this base type.
/// </summary>
public abstract class TrustAdvisorDbContext(DbContextOptions options) : IdentityUserContext<AppUser, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// Whose eyes this context's queries run for. Contexts are pooled (ADR 9): whoever leases one sets this, as
    /// <see cref="DatabaseRegistration"/> does for each scope; tools that build a context by hand set the system.
    /// Unset, a context sees no relationship at all.
    /// </summary>
    public IViewerAccessor? ViewerAccessor { get; set; }

    // Read at every query, not at construction: Identity's cookie validation builds this context before the request's
    // user is known, and the same context then serves the rest of the request.
    private Viewer CurrentViewer => ViewerAccessor?.Current ?? Viewer.Nobody;

    public DbSet<Team> Teams => Set<Team>();

    /// <summary>The teams managers look after besides their own.</summary>
    public DbSet<ManagedTeam> ManagedTeams => Set<ManagedTeam>();

    /// <summary>For the few aggregate queries written in SQL; those apply the access rules themselves.</summary>
    public abstract SqlDialect Sql { get; }

    /// <summary>
    /// The firm's clients and their people, shared by every team (one Acme, however many advisors know it). Not filtered
    /// by viewer: pages show them only through the relationships the viewer may see.
    /// </summary>
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<HandOff> HandOffs => Set<HandOff>();

    /// <summary>Requests to a relationship's contact for their own view, and their answers.</summary>
    public DbSet<Pulse> Pulses => Set<Pulse>();

    /// <summary>Files uploaded for import, from their preview to their import.</summary>
    public DbSet<Import.ImportUpload> ImportUploads => Set<Import.ImportUpload>();

    /// <summary>People's calendars, connected by their secret address, and the client meetings read from them.</summary>
    public DbSet<Calendars.CalendarConnection> CalendarConnections => Set<Calendars.CalendarConnection>();

    public DbSet<Calendars.CalendarMeeting> CalendarMeetings => Set<Calendars.CalendarMeeting>();

    /// <summary>Promises made in meetings, each with its due day and whether it was kept (reliability's evidence).</summary>
    public DbSet<Domain.Commitments.Commitment> Commitments => Set<Domain.Commitments.Commitment>();

    /// <summary>Constructive risks taken in scored meetings.</summary>
    public DbSet<Domain.Coaching.RiskTaken> RisksTaken => Set<Domain.Coaching.RiskTaken>();

    /// <summary>Plans to recover lost trust, with their steps (<see cref="RecoverySteps"/>).</summary>
    public DbSet<Domain.Recovery.RecoveryPlan> RecoveryPlans => Set<Domain.Recovery.RecoveryPlan>();

    public DbSet<Domain.Recovery.RecoveryStep> RecoverySteps => Set<Domain.Recovery.RecoveryStep>();

    /// <summary>Security-relevant events, for administrators (AuditTrail writes them).</summary>
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>Emails decided and waiting to be sent, or sent (the "Sent mail" page lists them).</summary>
    public DbSet<Mail.OutboxMessage> OutboxMessages => Set<Mail.OutboxMessage>();

    /// <summary>What each person receives by email and when (a person without a row has the defaults).</summary>
    public DbSet<Mail.MailPreferences> MailPreferences => Set<Mail.MailPreferences>();

    /// <summary>Every sign-in, open or ended (SessionCheck reads one per request).</summary>
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    /// <summary>Failed password checks of the last hour, per account and address (SignInThrottle).</summary>
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();

    /// <summary>The installation's sign-in rules (who must use two-factor): at most one row.</summary>
    public DbSet<SignInPolicy> SignInPolicies => Set<SignInPolicy>();

    /// <summary>Data Protection's keys, shared by every instance of the app (PersistKeysToDbContext, Hosting/KeyStorage).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The current revision of every scored meeting, the latest meeting first; on the same day, the one scored
    /// last first (lineage ids are time-ordered UUIDv7). Usable inside other queries' projections.
    /// </summary>
    public IQueryable<Assessment> CurrentAssessmentsNewestFirst =>
        Assessments.Where(a => a.SupersededAt == null)
            .OrderByDescending(a => a.MeetingDate)
            .ThenByDescending(a => a.LineageId);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TrustAdvisorDbContext).Assembly);
        // Who sees what, applied to every query of every page, so no page can forget it (docs/decisions/0005).
        builder.Entity<Relationship>().HasQueryFilter(r =>
            ViewerSeesAll
            || (ViewerUserId != null && r.OwnerId == ViewerUserId)
            || (r.TeamId != null && ViewerManagedTeamIds.Contains(r.TeamId.Value)));
        builder.Entity<Assessment>().HasQueryFilter(a => Relationships.Any(r => r.Id == a.RelationshipId));
        builder.Entity<HandOff>().HasQueryFilter(h => Relationships.Any(r => r.Id == h.RelationshipId));
        builder.Entity<Pulse>().HasQueryFilter(p => Relationships.Any(r => r.Id == p.RelationshipId));
        builder.Entity<Domain.Commitments.Commitment>().HasQueryFilter(c => Relationships.Any(r => r.Id == c.RelationshipId));
        builder.Entity<Domain.Coaching.RiskTaken>().HasQueryFilter(t => Relationships.Any(r => r.Id == t.RelationshipId));
        builder.Entity<Domain.Recovery.RecoveryPlan>().HasQueryFilter(p => Relationships.Any(r => r.Id == p.RelationshipId));
        builder.Entity<Domain.Recovery.RecoveryStep>().HasQueryFilter(s => RecoveryPlans.Any(p => p.Id == s.PlanId));
        SnakeCaseNames.Apply(builder);
    }

    // Read by the query filters; EF Core takes them from the context instance at every query.
    private bool ViewerSeesAll => CurrentViewer.SeesAll;
    private Guid? ViewerUserId => CurrentViewer.UserId;
    private IReadOnlyList<Guid> ViewerManagedTeamIds => CurrentViewer.ManagedTeamIds;

    // Back in the pool, a context sees nothing until its next lease says whose it is.
    public override void Dispose()
    {
        ViewerAccessor = null;
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override ValueTask DisposeAsync()
    {
        ViewerAccessor = null;
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }
}
