using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Mail;

/// <summary>
/// A sample of an email kind, sent to oneself from the settings page: what the real one would say now (a reminder of
/// one's own relationships, the team's digest of the last complete week, the team's sharp drops of the last 30 days),
/// or none when the real one would not be sent either. At most one sample of a kind a minute (its outbox key).
/// </summary>
public sealed class MailSamples(
    TrustAdvisorDbContext db, TimeProvider time, IOptions<MailOptions> options, UnsubscribeLinks unsubscribe, DropAlertRun alerts)
{
    public static readonly IReadOnlyList<MailKind> Kinds = [MailKind.Reminder, MailKind.WeeklyDigest, MailKind.DropAlert];

    public async Task<OutboxMessage?> ComposeAsync(MailKind kind, Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.Users.IgnoreQueryFilters().Where(u => u.Id == personId && u.Email != null)
            .Select(u => new
            {
                u.Id,
                Email = u.Email!,
                u.DisplayName,
                u.TeamId,
                Team = db.Teams.Where(t => t.Id == u.TeamId).Select(t => t.Name).FirstOrDefault(),
                Preferences = db.MailPreferences.FirstOrDefault(p => p.UserId == u.Id),
            })
            .AsNoTracking()
            .SingleAsync(cancellationToken);
        var mail = options.Value;
        var now = time.GetUtcNow();
        var site = mail.PublicAddress;
        var zone = (person.Preferences ?? MailPreferences.For(person.Id, mail.DefaultTimeZone)).Schedule().Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var message = kind switch
        {
            MailKind.Reminder => await ReminderMail.ItemsAsync(db, person.Id, today, mail.ReminderStaleDays, cancellationToken) is { Count: > 0 } items
                ? ReminderMail.Compose(person.Id, person.Email, person.DisplayName, today, items, site, unsubscribe.For(site, person.Id, kind), now.UtcDateTime)
                : null,
            MailKind.WeeklyDigest when person.TeamId is { } team => await DigestAsync(team),
            MailKind.DropAlert when person.TeamId is { } team => await alerts.SampleAsync(person.Id, person.Email, person.DisplayName, team, cancellationToken),
            _ => null,
        };
        return message?.AsSample(Guid.CreateVersion7(), $"sample:{kind}:{person.Id:N}:{now.UtcDateTime:yyyyMMdd'T'HHmm}");

        async Task<OutboxMessage?> DigestAsync(Guid team)
        {
            var digestDay = today.AddDays(-(((int)today.DayOfWeek - (int)mail.DigestDay + 7) % 7));
            var week = await DigestMail.WeekAsync(db, team, digestDay, mail.ReminderStaleDays, cancellationToken);
            return week.IsEmpty
                ? null
                : DigestMail.Compose(person.Id, person.Email, person.DisplayName, person.Team ?? "Your team", digestDay, week, site,
                    unsubscribe.For(site, person.Id, kind), now.UtcDateTime);
        }
    }
}
