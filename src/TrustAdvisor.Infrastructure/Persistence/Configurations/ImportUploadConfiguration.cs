using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Import;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> builder)
    {
        builder.ToTable("import_uploads", table =>
        {
            table.HasCheckConstraint("ck_import_uploads_kind", "kind IN ('Relationships', 'Assessments')");
            table.HasCheckConstraint("ck_import_uploads_status", "status IN ('Previewed', 'Queued', 'Importing', 'Imported', 'Failed')");
        });
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.FileName).HasMaxLength(ImportUpload.FileNameMaxLength).IsRequired();
        builder.Property(u => u.DateFormat).HasMaxLength(16).IsRequired();
        builder.Property(u => u.Outcome).HasMaxLength(200);
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.Error).HasMaxLength(ImportUpload.ErrorMaxLength);
        builder.HasIndex(u => u.UploadedAt);
        builder.HasIndex(u => u.Status).HasFilter("status IN ('Queued', 'Importing')");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(u => u.UploadedById).OnDelete(DeleteBehavior.Cascade);
    }
}
