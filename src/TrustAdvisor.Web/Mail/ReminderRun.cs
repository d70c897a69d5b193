using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Mail;

/// <summary>
/// Decides the reminders due now: for each person who owns relationships and whose reminder time has come in their
/// zone (<see cref="Domain.Reminders.ReminderSchedule"/>), the relationships past their review date or not scored
/// lately, into the outbox under the key of that person and local day, so a second run (or a second instance) stores
/// nothing more. Nothing is sent when there is nothing to say.
/// </summary>
public sealed class ReminderRun(
    TrustAdvisorDbContext db, TimeProvider time, IOptions<MailOptions> options, UnsubscribeLinks unsubscribe)
{
    /// <summary>Returns how many reminders it added to the outbox.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var mail = options.Value;
        var people = await db.Users
            .Where(u => u.IsActive && u.Email != null
                && db.Relationships.IgnoreQueryFilters().Any(r => r.OwnerId == u.Id && r.ArchivedAt == null))
            .Select(u => new { u.Id, Email = u.Email!, u.DisplayName, Preferences = db.MailPreferences.FirstOrDefault(p => p.UserId == u.Id) })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var added = 0;
        foreach (var person in people)
        {
            var preferences = person.Preferences ?? MailPreferences.For(person.Id, mail.DefaultTimeZone);
            if (preferences.Schedule().DueOn(now) is not { } day)
            {
                continue;
            }

            if (await OutboxDecisions.IsDecidedAsync(db, ReminderMail.Key(person.Id, day), cancellationToken))
            {
                continue;
            }

            var items = await ReminderMail.ItemsAsync(db, person.Id, day, mail.ReminderStaleDays, cancellationToken);
            if (items.Count == 0)
            {
                continue;
            }

            var site = mail.PublicAddress;
            var message = ReminderMail.Compose(
                person.Id, person.Email, person.DisplayName, day, items, site, unsubscribe.For(site, person.Id, MailKind.Reminder), now.UtcDateTime);
            if (await OutboxDecisions.AddOnceAsync(db, message, cancellationToken))
            {
                added++;
            }
        }

        return added;
    }
}
