using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class RecoveryStepConfiguration : IEntityTypeConfiguration<RecoveryStep>
{
    public void Configure(EntityTypeBuilder<RecoveryStep> builder)
    {
        builder.ToTable("recovery_steps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.What).HasMaxLength(RecoveryStep.WhatMaxLength).IsRequired();
        // A person's due steps, for their reminder email.
        builder.HasIndex(s => new { s.OwnerId, s.DueOn }).HasFilter("done_on IS NULL").HasDatabaseName("ix_recovery_steps_open_by_owner");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
