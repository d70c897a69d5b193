using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class MailPreferencesConfiguration : IEntityTypeConfiguration<MailPreferences>
{
    public void Configure(EntityTypeBuilder<MailPreferences> builder)
    {
        builder.ToTable("mail_preferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).ValueGeneratedNever();
        builder.HasOne<AppUser>().WithOne().HasForeignKey<MailPreferences>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Property(p => p.Reminder).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.ReminderDay).HasConversion<string>().HasMaxLength(16);
    }
}
