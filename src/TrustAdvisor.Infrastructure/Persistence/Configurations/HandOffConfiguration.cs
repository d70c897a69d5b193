using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class HandOffConfiguration : IEntityTypeConfiguration<HandOff>
{
    public void Configure(EntityTypeBuilder<HandOff> builder)
    {
        builder.ToTable("hand_offs", table =>
        {
            table.HasCheckConstraint("ck_hand_offs_someone_else", "from_owner_id <> to_owner_id");
            table.HasCheckConstraint("ck_hand_offs_note", "length(note) > 0");
        });
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Note).HasMaxLength(HandOff.NoteMaxLength).IsRequired();
        builder.HasIndex(h => new { h.RelationshipId, h.HandedOffAt });
        builder.HasOne<Relationship>().WithMany().HasForeignKey(h => h.RelationshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(h => h.FromOwnerId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_hand_offs_users_from");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(h => h.ToOwnerId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_hand_offs_users_to");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(h => h.ByUserId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_hand_offs_users_by");
    }
}
