using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Hosting;
using TrustAdvisor.Web.Mail.Sending;
using TrustAdvisor.Web.Pages.Overview;

namespace TrustAdvisor.Web.Mail.MeetingPrompts;

/// <summary>
/// Emails each person once about each client meeting of theirs that has ended ("You met Jane Doe of Acme, 10:00–11:00.
/// Score it now."), with a link to the score form filled in from the meeting. Once: the meeting is marked prompted by
/// a conditional update in the same transaction as its outbox message, whose key is the meeting's, whichever instance
/// runs it. Not for a meeting scored or dismissed meanwhile, nor when the person turned prompts off; held to working
/// hours (Monday to Friday, 08:00 to 18:00 in their zone) when they chose that.
/// </summary>
public sealed class MeetingPromptRun(
    TrustAdvisorDbContext db, MailRenderer renderer, PublicAddress site, TimeProvider time, IOptions<MailOptions> mail)
{
    public static string Key(Guid meetingId) => $"meeting-prompt:{meetingId:N}";

    /// <summary>Adds the prompts due to the outbox; returns how many.</summary>
    public async Task<int> AddDueAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var since = now - CalendarSync.LookBack;
        var due = await db.CalendarMeetings
            .Where(m => m.PromptedAt == null && m.AssessmentId == null && m.DismissedAt == null && m.EndsAt <= now && m.EndsAt > since
                && db.CalendarConnections.Any(c => c.UserId == m.UserId && c.PromptsOn))
            .OrderBy(m => m.EndsAt).Take(500)
            .Select(m => new
            {
                m.Id,
                m.UserId,
                WorkingHoursOnly = db.CalendarConnections.Where(c => c.UserId == m.UserId).Select(c => c.WorkingHoursOnly).First(),
                Person = db.Users.Where(u => u.Id == m.UserId && u.IsActive).Select(u => new { u.Email, u.DisplayName }).FirstOrDefault(),
            })
            .AsNoTracking().ToListAsync(cancellationToken);
        var added = 0;
        var lists = new Dictionary<Guid, MeetingsToScore>();
        foreach (var meeting in due)
        {
            if (meeting.Person?.Email is not { } email)
            {
                continue;
            }

            if (!lists.TryGetValue(meeting.UserId, out var toScore))
            {
                lists[meeting.UserId] = toScore = await MeetingsToScore.LoadAsync(db, meeting.UserId, now, mail.Value.DefaultTimeZone, cancellationToken, shown: int.MaxValue);
            }

            if (toScore.Meetings.FirstOrDefault(m => m.Id == meeting.Id) is not { } shown)
            {
                continue; // no relationship of theirs to score it on any more
            }

            var local = TimeZoneInfo.ConvertTimeFromUtc(now, shown.Zone);
            if (meeting.WorkingHoursOnly && (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || local.Hour < 8 || local.Hour >= 18))
            {
                continue; // asked when the working day starts, if the meeting is still recent then
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var marked = await db.CalendarMeetings.Where(m => m.Id == meeting.Id && m.PromptedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.PromptedAt, now), cancellationToken);
            if (marked == 1)
            {
                db.OutboxMessages.Add(await ComposeAsync(shown, meeting.UserId, email, meeting.Person.DisplayName, now));
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return added;
    }

    private async Task<OutboxMessage> ComposeAsync(MeetingsToScore.Meeting meeting, Guid userId, string email, string name, DateTime now)
    {
        var who = meeting.ContactName is { } contact ? $"{contact} of {meeting.Organisation}" : $"someone at {meeting.Organisation}";
        var choice = meeting.Relationships[0];
        var link = site.For($"Relationships/Score/{choice.RelationshipId}?meeting={meeting.Id}");
        var settings = site.For("Account/ConnectCalendar");
        var subject = $"You met {who}: score it now";
        var text = $"""
            Hello {name},

            You met {who}, {meeting.When}. Score it while it is fresh: two screens, a minute.

            {link.AbsoluteUri}

            From your calendar. Turn these emails off, or keep them to working hours: {settings.AbsoluteUri}
            """;
        var html = await renderer.RenderAsync<MeetingPromptEmail>(new Dictionary<string, object?>
        {
            [nameof(MeetingPromptEmail.Subject)] = subject,
            [nameof(MeetingPromptEmail.Name)] = name,
            [nameof(MeetingPromptEmail.Who)] = who,
            [nameof(MeetingPromptEmail.When)] = meeting.When,
            [nameof(MeetingPromptEmail.Link)] = link,
            [nameof(MeetingPromptEmail.Settings)] = settings,
        });
        return OutboxMessage.Compose(time.NewId(), Key(meeting.Id), MailKind.MeetingPrompt, userId, email, subject, text, html, now);
    }
}
