using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Domain.Clients;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("contacts", table => table.HasCheckConstraint("ck_contacts_name", "length(name) > 0"));
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Contact.NameMaxLength).IsRequired();
        builder.Property(c => c.Role).HasMaxLength(Contact.RoleMaxLength);
        builder.Property(c => c.Email).HasMaxLength(Contact.EmailMaxLength);
        builder.Ignore(c => c.MayBeAsked);
        builder.Ignore(c => c.IsErased);

        builder.HasIndex(c => c.OrganisationId);
        // Finding a person by address (the pulse's recipient, an imported row, a calendar's attendee).
        builder.HasIndex(c => c.Email);
        builder.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
