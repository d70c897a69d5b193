using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Domain.Coaching;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class RiskTakenConfiguration : IEntityTypeConfiguration<RiskTaken>
{
    public void Configure(EntityTypeBuilder<RiskTaken> builder)
    {
        builder.ToTable("risks_taken", table => table.HasCheckConstraint("ck_risks_taken_risk",
            "risk IN ('AdmittedNotKnowing', 'StretchCommitment', 'OfferedPointOfView', 'NamedHowTheClientSeesIt', 'RecommendedSomeoneElse')"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Risk).HasConversion<string>().HasMaxLength(32);
        // Each risk once a meeting; a meeting's risks read with its history.
        builder.HasIndex(r => new { r.AssessmentLineageId, r.Risk }).IsUnique();
        // The dashboard's count per advisor in a period.
        builder.HasIndex(r => new { r.TakenById, r.MeetingDate });
        builder.HasOne<Relationship>().WithMany().HasForeignKey(r => r.RelationshipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.TakenById).OnDelete(DeleteBehavior.Restrict);
    }
}
