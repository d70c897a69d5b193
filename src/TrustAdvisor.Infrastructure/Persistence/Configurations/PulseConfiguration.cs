using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class PulseConfiguration : IEntityTypeConfiguration<Pulse>
{
    public void Configure(EntityTypeBuilder<Pulse> builder)
    {
        builder.ToTable("pulses", table =>
        {
            table.HasCheckConstraint("ck_pulses_status", "status IN ('Open', 'Answered', 'Withdrawn', 'Replaced')");
            table.HasCheckConstraint("ck_pulses_scores", string.Join(
                " AND ",
                new[] { FactorColumns.Credibility, FactorColumns.Reliability, FactorColumns.Intimacy, "interests_first" }.Select(c => $"({FactorColumns.InRange(c)})")));
            table.HasCheckConstraint("ck_pulses_self_orientation", "self_orientation = 11 - interests_first");
            table.HasCheckConstraint("ck_pulses_answered",
                "(status = 'Answered') = (credibility IS NOT NULL AND reliability IS NOT NULL AND intimacy IS NOT NULL AND interests_first IS NOT NULL AND trust IS NOT NULL AND submission_id IS NOT NULL AND answered_on IS NOT NULL)");
            table.HasCheckConstraint("ck_pulses_closed", "(status = 'Open') = (closed_at IS NULL)");
        });
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.ContactName).HasMaxLength(Contact.NameMaxLength).IsRequired();
        builder.Property(p => p.TokenHash).HasMaxLength(32).IsRequired();
        builder.Property(p => p.Comment).HasMaxLength(Pulse.CommentMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Factors);

        // One open link per relationship: asking again replaces it, and two asks at once cannot both leave one open.
        builder.HasIndex(p => p.RelationshipId).IsUnique().HasFilter("status = 'Open'").HasDatabaseName("ux_pulses_one_open");
        // A relationship's answers in order, and the dashboard's answers in a period.
        builder.HasIndex(p => new { p.RelationshipId, p.AnsweredOn });
        builder.HasOne<Relationship>().WithMany().HasForeignKey(p => p.RelationshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.AdvisorId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_pulses_users_advisor");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.AskedById).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_pulses_users_asked_by");
    }
}
