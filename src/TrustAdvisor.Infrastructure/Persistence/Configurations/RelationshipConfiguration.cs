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
        {
            table.HasCheckConstraint("ck_relationships_stage", "stage IN ('Meet', 'Vet', 'Establish', 'Maintain')");
            table.HasCheckConstraint("ck_relationships_client_organisation", "length(client_organisation) > 0");
            table.HasCheckConstraint("ck_relationships_contact_name", "length(contact_name) > 0");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ClientOrganisation).HasMaxLength(Relationship.NameMaxLength).IsRequired();
        builder.Property(r => r.ContactName).HasMaxLength(Relationship.NameMaxLength).IsRequired();
        builder.Property(r => r.ContactRole).HasMaxLength(Relationship.ContactRoleMaxLength);
        builder.Property(r => r.ContactEmail).HasMaxLength(Relationship.ContactEmailMaxLength);
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsArchived);
        builder.Ignore(r => r.MayAskTheContact);

        builder.HasIndex(r => r.ClientOrganisation);
        builder.HasIndex(r => r.OwnerId);
        builder.HasIndex(r => r.TeamId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
