using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    private const string Current = "superseded_at IS NULL";

    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        // The database refuses what would make T undefined or meaningless, whatever writes to it.
        builder.ToTable("assessments", table =>
        {
            foreach (var column in FactorColumns.All)
            {
                table.HasCheckConstraint($"ck_assessments_{column}", FactorColumns.InRange(column));
            }

            table.HasCheckConstraint("ck_assessments_trust", "trust >= 0.1 AND trust <= 30");
            table.HasCheckConstraint("ck_assessments_meeting_kind", "meeting_kind IN ('InPerson', 'Call', 'Video', 'EmailOrOther')");
            table.HasCheckConstraint("ck_assessments_revision", "revision >= 1");
            table.HasCheckConstraint("ck_assessments_correction_reason", "revision = 1 OR correction_reason IS NOT NULL");
        });
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.MeetingKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Note).HasMaxLength(Assessment.NoteMaxLength);
        builder.Property(a => a.CorrectionReason).HasMaxLength(Assessment.CorrectionReasonMaxLength);

        // Marking a revision superseded is the one update an assessment ever gets; two corrections of the same
        // revision race on it, and the loser's UPDATE matches no row.
        builder.Property(a => a.SupersededAt).IsConcurrencyToken();
        builder.Ignore(a => a.IsCurrent);
        builder.ComplexProperty(a => a.Factors, factors =>
        {
            factors.Property(f => f.Credibility).HasColumnName(FactorColumns.Credibility);
            factors.Property(f => f.Reliability).HasColumnName(FactorColumns.Reliability);
            factors.Property(f => f.Intimacy).HasColumnName(FactorColumns.Intimacy);
            factors.Property(f => f.SelfOrientation).HasColumnName(FactorColumns.SelfOrientation);
        });

        builder.HasOne<Relationship>()
            .WithMany()
            .HasForeignKey(a => a.RelationshipId)
            .OnDelete(DeleteBehavior.Restrict);

        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.NoteAuthorId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_assessments_users_note_author");

        // A relationship's history in meeting order, current revisions only.
        builder.HasIndex(a => new { a.RelationshipId, a.MeetingDate, a.LineageId }).HasFilter(Current);
        // Exactly one current revision per scored meeting, and revision numbers never repeat.
        builder.HasIndex(a => a.LineageId).IsUnique().HasFilter(Current).HasDatabaseName("ux_assessments_current_revision");
        builder.HasIndex(a => new { a.LineageId, a.Revision }).IsUnique().HasDatabaseName("ux_assessments_lineage_revision");
    }
}
