using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class SignInPolicyConfiguration : IEntityTypeConfiguration<SignInPolicy>
{
    public void Configure(EntityTypeBuilder<SignInPolicy> builder)
    {
        builder.ToTable("sign_in_policy", table => table.HasCheckConstraint("ck_sign_in_policy_one_row", $"id = {SignInPolicy.TheOne}"));
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.TwoFactorRequiredFor).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.PasswordsFor).HasConversion<string>().HasMaxLength(32);
    }
}
