using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class RecoveryPlanConfiguration : IEntityTypeConfiguration<RecoveryPlan>
{
    public void Configure(EntityTypeBuilder<RecoveryPlan> builder)
    {
        builder.ToTable("recovery_plans", table =>
        {
            table.HasCheckConstraint("ck_recovery_plans_status", "status IN ('Draft', 'Open', 'Achieved', 'Abandoned')");
            table.HasCheckConstraint("ck_recovery_plans_factor", "factor IN ('Credibility', 'Reliability', 'Intimacy', 'SelfOrientation')");
            table.HasCheckConstraint("ck_recovery_plans_review", "review_on > opened_on");
            table.HasCheckConstraint("ck_recovery_plans_closed",
                "(status IN ('Draft', 'Open')) = (closed_on IS NULL AND closed_by_id IS NULL AND trust_recovered IS NULL)");
        });
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        // Confirmed or closed once: two people closing it at the same moment, the second finds it changed.
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Property(p => p.Factor).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Problem).HasMaxLength(RecoveryPlan.ProblemMaxLength).IsRequired();
        builder.Ignore(p => p.IsActive);
        builder.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);

        // At most one plan a relationship that is a draft or open: two opened at once cannot both stand.
        builder.HasIndex(p => p.RelationshipId).IsUnique().HasFilter("status IN ('Draft', 'Open')").HasDatabaseName("ux_recovery_plans_one_active");
        builder.HasOne<Relationship>().WithMany().HasForeignKey(p => p.RelationshipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.OpenedById).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_recovery_plans_users_opened_by");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.ClosedById).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_recovery_plans_users_closed_by");
    }
}
