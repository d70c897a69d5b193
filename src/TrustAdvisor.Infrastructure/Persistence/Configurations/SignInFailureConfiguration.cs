using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> builder)
    {
        builder.ToTable("sign_in_failures");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.AccountKey).HasMaxLength(SignInFailure.AccountKeyLength).IsFixedLength();
        builder.Property(f => f.Address).HasMaxLength(SignInFailure.AddressMaxLength);
        // The two counts a password check makes: this account from this address, and this account from anywhere.
        builder.HasIndex(f => new { f.AccountKey, f.At });
        builder.HasIndex(f => f.At);
    }
}
