using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("user_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Device).HasMaxLength(UserSession.DeviceMaxLength);
        builder.Property(s => s.Address).HasMaxLength(UserSession.AddressMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        // A person's sessions, open ones first: Your settings, and ending all of them.
        builder.HasIndex(s => new { s.UserId, s.EndedAt });
        builder.Property(s => s.ProviderIssuer).HasMaxLength(UserSession.ProviderValueMaxLength);
        builder.Property(s => s.ProviderSessionId).HasMaxLength(UserSession.ProviderValueMaxLength);
        // The provider's single sign-out names its session: the open ones it signed in are found by that.
        builder.HasIndex(s => s.ProviderSessionId).HasFilter("provider_session_id IS NOT NULL");
    }
}
