using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Domain.Clients;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations", table => table.HasCheckConstraint("ck_organisations_name", "length(name) > 0"));
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(o => o.NormalizedName).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(o => o.Domain).HasMaxLength(Organisation.DomainMaxLength);

        // One organisation per name across the firm: two advisors typing "Acme" and "acme " mean the same client.
        builder.HasIndex(o => o.NormalizedName).IsUnique();
        // Matching an attendee's or an imported contact's address to their organisation.
        builder.HasIndex(o => o.Domain);
    }
}
