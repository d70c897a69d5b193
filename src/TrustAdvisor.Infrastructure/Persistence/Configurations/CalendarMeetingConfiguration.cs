using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Infrastructure.Persistence.Configurations;

internal sealed class CalendarMeetingConfiguration : IEntityTypeConfiguration<CalendarMeeting>
{
    public void Configure(EntityTypeBuilder<CalendarMeeting> builder)
    {
        builder.ToTable("calendar_meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.EventUid).HasMaxLength(CalendarMeeting.UidMaxLength).IsRequired();
        builder.Property(m => m.OccurrenceKey).HasMaxLength(20).IsRequired();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.ChangeHash).HasMaxLength(32).IsRequired();
        // One meeting per person, event and occurrence, whichever instance reads the calendar, however often.
        builder.HasIndex(m => new { m.UserId, m.EventUid, m.OccurrenceKey }).IsUnique();
        // The person's meetings to score: ended, not scored, not dismissed.
        builder.HasIndex(m => new { m.UserId, m.EndsAt });
        // A relationship's history marks the meetings scored from a calendar.
        builder.HasIndex(m => m.AssessmentId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(m => m.ContactId).OnDelete(DeleteBehavior.SetNull);
    }
}
