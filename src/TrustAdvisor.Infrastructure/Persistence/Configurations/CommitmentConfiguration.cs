using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.ToTable("commitments", table =>
        {
            table.HasCheckConstraint("ck_commitments_status", "status IN ('Open', 'KeptOnTime', 'KeptLate', 'Broken', 'Withdrawn')");
            table.HasCheckConstraint("ck_commitments_due", "due_on >= made_on");
            table.HasCheckConstraint("ck_commitments_closed", "(status = 'Open') = (closed_on IS NULL AND closed_by_id IS NULL)");
            table.HasCheckConstraint("ck_commitments_withdrawn", "(status = 'Withdrawn') = (withdrawn_because IS NOT NULL)");
        });
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        // Settled once: two people marking it at the same moment, the second finds it no longer open.
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Property(c => c.Promise).HasMaxLength(Commitment.PromiseMaxLength).IsRequired();
        builder.Property(c => c.WithdrawnBecause).HasMaxLength(Commitment.ReasonMaxLength);
        builder.Ignore(c => c.IsOpen);

        // A relationship's commitments in the order they fall due, the open ones first read.
        builder.HasIndex(c => new { c.RelationshipId, c.DueOn });
        // An advisor's record of keeping promises (the team dashboard).
        builder.HasIndex(c => new { c.MadeById, c.DueOn });
        builder.HasOne<Relationship>().WithMany().HasForeignKey(c => c.RelationshipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.MadeById).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_commitments_users_made_by");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ClosedById).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_commitments_users_closed_by");
    }
}
