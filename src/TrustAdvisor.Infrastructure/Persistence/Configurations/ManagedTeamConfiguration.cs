using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Domain.Teams;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class ManagedTeamConfiguration : IEntityTypeConfiguration<ManagedTeam>
{
    public void Configure(EntityTypeBuilder<ManagedTeam> builder)
    {
        builder.ToTable("managed_teams");
        // A manager's teams are read by the key's first column on each of their requests (SessionCheck).
        builder.HasKey(m => new { m.UserId, m.TeamId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.TeamId);
    }
}
