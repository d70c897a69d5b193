using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class CalendarConnectionConfiguration : IEntityTypeConfiguration<CalendarConnection>
{
    public void Configure(EntityTypeBuilder<CalendarConnection> builder)
    {
        builder.ToTable("calendar_connections");
        builder.HasKey(c => c.UserId);
        builder.Property(c => c.SealedAddress).IsRequired();
        builder.Property(c => c.Host).HasMaxLength(CalendarConnection.HostMaxLength).IsRequired();
        builder.Property(c => c.LastError).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ETag).HasMaxLength(300);
        builder.Property(c => c.LastModified).HasMaxLength(100);
        // The reader takes the connections due, soonest first.
        builder.HasIndex(c => c.NextReadAt);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<CalendarConnection>(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
