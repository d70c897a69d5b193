using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Calendar;

/// <summary>
/// A person's calendar feed (iCalendar), read by Outlook, Google or Apple calendars without signing in: an all-day
/// event per active relationship they own on its next review date, linking to its score form. The address is the
/// secret; a renewed one makes this one answer 404.
/// </summary>
public sealed class FeedModel(CalendarLinks links, TrustAdvisorDbContext db, IOptions<MailOptions> mail, Hosting.PublicAddress publicAddress, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not var (personId, version) || !await db.Users.AnyAsync(u => u.Id == personId && u.IsActive, cancellationToken))
        {
            return NotFound();
        }

        var preferences = await MailPreferences.EditAsync(db, personId, mail.Value.DefaultTimeZone, cancellationToken);
        var now = time.UtcNow();
        var unusedFor = mail.Value.CalendarExpiresAfterDaysUnused;
        if (preferences.CalendarVersion != version || (unusedFor > 0 && preferences.CalendarUsedAt < now.AddDays(-unusedFor)))
        {
            return NotFound();
        }

        preferences.CalendarUsedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        var relationships = await db.Relationships.IgnoreQueryFilters()
            .Where(r => r.OwnerId == personId && r.ArchivedAt == null)
            .OrderBy(r => r.NextReviewDate)
            .Select(r => new { r.Id, ClientOrganisation = r.Contact.Organisation.Name, ContactName = r.Contact.Name, r.NextReviewDate })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var site = publicAddress.Site;
        var calendar = new Ical.Net.Calendar();
        calendar.AddProperty("X-WR-CALNAME", "TrustAdvisor reviews");
        foreach (var r in relationships)
        {
            var score = new Uri(site, $"Relationships/Score/{r.Id}");
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"review-{r.Id:N}@trustadvisor",
                Summary = $"Review trust: {r.ClientOrganisation}, {r.ContactName}",
                DtStart = new CalDateTime(r.NextReviewDate),
                Url = score,
                Description = $"Score the meeting: {score.AbsoluteUri}",
            });
        }

        Response.Headers.CacheControl = "private, max-age=900";
        return File(System.Text.Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? ""), "text/calendar; charset=utf-8", "trustadvisor.ics");
    }
}
