using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain.Reminders;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Mail;

/// <summary>
/// Decides the weekly digests due now: each manager who wants one gets it on the digest day (Monday unless
/// <see cref="MailOptions.DigestDay"/> says otherwise) once it is <see cref="MailOptions.DigestTime"/> in their zone,
/// about the week before, into the outbox under the key of manager and that day.
/// </summary>
public sealed class DigestRun(
    TrustAdvisorDbContext db, TimeProvider time, IOptions<MailOptions> options, UnsubscribeLinks unsubscribe)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var mail = options.Value;
        var managers = await db.Users
            .Where(u => u.IsActive && u.Email != null && u.Role == UserRole.Manager && u.TeamId != null)
            .Select(u => new
            {
                u.Id,
                Email = u.Email!,
                u.DisplayName,
                TeamId = u.TeamId!.Value,
                Team = db.Teams.Where(t => t.Id == u.TeamId).Select(t => t.Name).First(),
                Preferences = db.MailPreferences.FirstOrDefault(p => p.UserId == u.Id),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var added = 0;
        foreach (var manager in managers)
        {
            var preferences = manager.Preferences ?? MailPreferences.For(manager.Id, mail.DefaultTimeZone);
            var zone = preferences.Schedule().Zone;
            if (!preferences.WeeklyDigest
                || new ReminderSchedule(zone, ReminderFrequency.Weekly, mail.DigestDay, mail.DigestTime).DueOn(now) is not { } digestDay
                || await OutboxDecisions.IsDecidedAsync(db, DigestMail.Key(manager.Id, digestDay), cancellationToken))
            {
                continue;
            }

            var week = await DigestMail.WeekAsync(db, manager.TeamId, digestDay, mail.ReminderStaleDays, cancellationToken);
            if (week.IsEmpty)
            {
                continue;
            }

            var site = mail.PublicAddress;
            var message = DigestMail.Compose(manager.Id, manager.Email, manager.DisplayName, manager.Team, digestDay, week, site,
                unsubscribe.For(site, manager.Id, MailKind.WeeklyDigest), now.UtcDateTime);
            if (await OutboxDecisions.AddOnceAsync(db, message, cancellationToken))
            {
                added++;
            }
        }

        return added;
    }
}
