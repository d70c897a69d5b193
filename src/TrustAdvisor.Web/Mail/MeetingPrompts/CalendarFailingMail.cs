using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Formatting;
using TrustAdvisor.Web.Hosting;
using TrustAdvisor.Web.Mail.Sending;
using TrustAdvisor.Web.Pages.Account;

namespace TrustAdvisor.Web.Mail.MeetingPrompts;

/// <summary>
/// One email when a person's calendar has failed to be read for a day: why, and where to connect it again. Once per
/// failing spell: its key is the person's and the spell's start, so a calendar that recovers and fails again is told
/// again, and one that keeps failing is told once, whichever instance notices.
/// </summary>
public sealed class CalendarFailingMail(
    TrustAdvisorDbContext db, MailRenderer renderer, PublicAddress site, TimeProvider time, IOptions<CalendarOptions> options)
{
    public static readonly TimeSpan After = TimeSpan.FromDays(1);

    public static string Key(Guid userId, DateTime failingSince) =>
        $"calendar-failing:{userId:N}:{failingSince.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)}";

    public async Task<int> AddDueAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var since = now - After;
        var failing = await db.CalendarConnections
            .Where(c => c.FailingSince != null && c.FailingSince <= since && c.LastError != null)
            .Select(c => new
            {
                c.UserId,
                FailingSince = c.FailingSince!.Value,
                Error = c.LastError!.Value,
                c.Host,
                Person = db.Users.Where(u => u.Id == c.UserId && u.IsActive).Select(u => new { u.Email, u.DisplayName }).FirstOrDefault(),
            })
            .AsNoTracking().ToListAsync(cancellationToken);
        var added = 0;
        foreach (var connection in failing)
        {
            var key = Key(connection.UserId, connection.FailingSince);
            if (connection.Person?.Email is not { } email || await db.OutboxMessages.AnyAsync(m => m.Key == key, cancellationToken))
            {
                continue;
            }

            var subject = "Your calendar could not be read for a day";
            var why = CalendarReadErrors.Describe(connection.Error, options.Value.MaxMegabytes);
            var link = site.For("Account/ConnectCalendar");
            var sinceText = Display.Timestamp(connection.FailingSince);
            var text = $"""
                Hello {connection.Person.DisplayName},

                Since {sinceText}, TrustAdvisor has not been able to read your calendar at {connection.Host}. {why}

                Until it can, it cannot tell you when a meeting with a client has ended. See your calendar's connection:
                {link.AbsoluteUri}
                """;
            var html = await renderer.RenderAsync<CalendarFailingEmail>(new Dictionary<string, object?>
            {
                [nameof(CalendarFailingEmail.Subject)] = subject,
                [nameof(CalendarFailingEmail.Name)] = connection.Person.DisplayName,
                [nameof(CalendarFailingEmail.Since)] = sinceText,
                [nameof(CalendarFailingEmail.Host)] = connection.Host,
                [nameof(CalendarFailingEmail.Why)] = why,
                [nameof(CalendarFailingEmail.Link)] = link,
            });
            db.OutboxMessages.Add(OutboxMessage.Compose(time.NewId(), key, MailKind.CalendarFailing, connection.UserId, email, subject, text, html, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another instance wrote it first: told once all the same
            }
        }

        return added;
    }
}
