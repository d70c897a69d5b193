using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.CalendarReading;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>
/// Connect one's calendar by its secret iCalendar address, so that TrustAdvisor finds the client meetings in it; see
/// how its reading goes; disconnect it, which deletes every meeting read from it. The address is sealed at once and
/// never shown again, only its host.
/// </summary>
public sealed class ConnectCalendarModel(
    TrustAdvisorDbContext db, IViewerAccessor viewer, CalendarAddresses addresses, MailScheduler scheduler, TimeProvider time, IOptions<CalendarOptions> options) : PageModel
{
    [BindProperty]
    public string? Address { get; set; }

    public CalendarConnection? Connection { get; private set; }

    public int ReadEveryMinutes => options.Value.ReadEveryMinutes;

    public string? ErrorText => Connection?.LastError is { } error ? CalendarReadErrors.Describe(error, options.Value.MaxMegabytes) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (viewer.Current.UserId is not { } me)
        {
            return NotFound();
        }

        Connection = await db.CalendarConnections.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == me, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConnectAsync(CancellationToken cancellationToken)
    {
        if (viewer.Current.UserId is not { } me)
        {
            return NotFound();
        }

        if (CalendarAddresses.Parse(Address, out var problem) is not { } address)
        {
            ModelState.AddModelError(nameof(Address), problem!);
            Address = null; // a secret is not put back into the page
            Connection = await db.CalendarConnections.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == me, cancellationToken);
            return Page();
        }

        var now = time.UtcNow();
        var connection = await db.CalendarConnections.SingleOrDefaultAsync(c => c.UserId == me, cancellationToken);
        if (connection is null)
        {
            connection = new CalendarConnection { UserId = me, ConnectedAt = now };
            db.CalendarConnections.Add(connection);
        }
        else
        {
            // Another calendar: what was read from the old one goes with it.
            await db.CalendarMeetings.Where(m => m.UserId == me).ExecuteDeleteAsync(cancellationToken);
        }

        connection.ReadFrom(addresses.Seal(address), address, now);
        await db.SaveChangesAsync(cancellationToken);
        await scheduler.TriggerAsync(ReadCalendarsJob.Key, cancellationToken);
        TempData.Flash($"Your calendar at {connection.Host} is connected: TrustAdvisor reads it now, then every {ReadEveryMinutes} minutes.");
        return RedirectToPage();
    }

    /// <summary>Whether to be emailed when a client meeting has ended, and only in working hours.</summary>
    public async Task<IActionResult> OnPostPromptsAsync(bool promptsOn, bool workingHoursOnly, CancellationToken cancellationToken)
    {
        if (viewer.Current.UserId is not { } me)
        {
            return NotFound();
        }

        var changed = await db.CalendarConnections.Where(c => c.UserId == me)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.PromptsOn, promptsOn).SetProperty(c => c.WorkingHoursOnly, workingHoursOnly), cancellationToken);
        TempData.Flash(changed == 0 ? "Connect your calendar first." : !promptsOn ? "No more emails about meetings: they still wait on your home page."
            : workingHoursOnly ? "You are emailed about a meeting in working hours only (Monday to Friday, 08:00 to 18:00)." : "You are emailed when a client meeting has ended.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisconnectAsync(CancellationToken cancellationToken)
    {
        if (viewer.Current.UserId is not { } me)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var meetings = await db.CalendarMeetings.Where(m => m.UserId == me).ExecuteDeleteAsync(cancellationToken);
        var removed = await db.CalendarConnections.Where(c => c.UserId == me).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData.Flash(removed == 0
            ? "No calendar was connected."
            : $"Your calendar is disconnected, and the {meetings} {(meetings == 1 ? "meeting" : "meetings")} read from it are deleted.");
        return RedirectToPage();
    }
}
