using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Teams;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> builder)
    {
        builder.ToTable("relationships", table =>
            table.HasCheckConstraint("ck_relationships_stage", "stage IN ('Meet', 'Vet', 'Establish', 'Maintain')"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsArchived);

        builder.Property(r => r.ExternalId).HasMaxLength(Relationship.ExternalIdMaxLength);
        builder.HasIndex(r => r.ContactId);
        // What an import matches its rows on: one relationship per id from the system it came from.
        builder.HasIndex(r => r.ExternalId).IsUnique().HasFilter("external_id IS NOT NULL");
        builder.HasIndex(r => r.OwnerId);
        builder.HasIndex(r => r.TeamId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Contact).WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
