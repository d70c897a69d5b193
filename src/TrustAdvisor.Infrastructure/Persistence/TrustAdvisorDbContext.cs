using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence;

/// <summary>
/// The app's one model. Each database provider has a derived context only so that each keeps
/// its own migrations (docs/decisions/0001-two-providers.md); pages use this base type.
/// </summary>
public abstract class TrustAdvisorDbContext(DbContextOptions options) : IdentityUserContext<AppUser, Guid>(options)
{
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<Assessment> Assessments => Set<Assessment>();

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
        SnakeCaseNames.Apply(builder);
    }
}
