using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>One's own settings: which emails to get, when, and in which time zone.</summary>
public sealed class SettingsModel(
    TrustAdvisorDbContext db, IViewerAccessor viewer, IOptions<MailOptions> mail, IValidator<SettingsInput> validator,
    Calendar.CalendarLinks calendars, Web.Mail.Sending.MailOutbox outbox, Web.Mail.Sending.MailSamples samples, Hosting.PublicAddress site, TimeProvider time,
    IOptions<Infrastructure.Calendars.CalendarOptions> calendarOptions) : PageModel
{
    public int CalendarMaxMegabytes => calendarOptions.Value.MaxMegabytes;

    /// <summary>Where the person is signed in (their open sessions), ended on /Account/Sessions.</summary>
    public SessionsModel.SessionList Sessions { get; private set; } = new([], null);

    /// <summary>Days without a calendar reading the address after which it stops working; 0: never.</summary>
    public int CalendarUnusedDays => mail.Value.CalendarExpiresAfterDaysUnused;

    /// <summary>The person's secret calendar address, to subscribe to from a calendar program.</summary>
    public Uri? CalendarAddress { get; private set; }

    [BindProperty]
    public SettingsInput Input { get; set; } = new(null, null, null, null, false, false);

    /// <summary>Managers (and administrators, who may manage a team) choose the digest and the alerts too.</summary>
    public bool ManagesATeam => viewer.Current.IsManager || viewer.Current.SeesAll;

    /// <summary>When the weekly digest comes (the firm's day and time, in the person's zone).</summary>
    public string DigestWhen => $"{mail.Value.DigestDay}s at {mail.Value.DigestTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)}";

    public static IReadOnlyList<TimeZoneInfo> TimeZones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).OrderBy(z => z.BaseUtcOffset).ThenBy(z => z.Id, StringComparer.Ordinal)];

    /// <summary>The person's connected calendar and how its reading goes; null when none is connected.</summary>
    public ConnectedCalendar? Calendar { get; private set; }

    public sealed record ConnectedCalendar(string Host, DateTime? LastReadAt, int MeetingsFound, Infrastructure.Calendars.CalendarReadError? LastError);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (viewer.Current.UserId is not { } me)
        {
            return NotFound();
        }


        var preferences = await PreferencesAsync(me, cancellationToken);
        Input = SettingsInput.From(preferences);
        CalendarAddress = calendars.For(site.Site, me, preferences.CalendarVersion);
        await LoadShownAsync(me, cancellationToken);
        return Page();
    }

    /// <summary>A new calendar address; the old one stops working at once (for an address that was shared by mistake).</summary>
    public async Task<IActionResult> OnPostRenewCalendarAsync(CancellationToken cancellationToken)
    {
        if (viewer.Current.UserId is not { } me)
        {
            return NotFound();
        }

        var preferences = await MailPreferences.EditAsync(db, me, mail.Value.DefaultTimeZone, cancellationToken);
        preferences.CalendarVersion++;
        preferences.CalendarUsedAt = time.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData.Flash("Your calendar has a new address: the old one no longer works. Subscribe to this one.");
        return RedirectToPage(null, null, "calendar");
    }

    /// <summary>The samples this person may ask for, by kind, with their names: a reminder; for managers also the digest and an alert.</summary>
    public IReadOnlyList<(MailKind Kind, string Name)> Samples =>
        [(MailKind.Reminder, "reminder"), .. ManagesATeam ? new[] { (MailKind.WeeklyDigest, "weekly digest"), (MailKind.DropAlert, "drop alert") } : []];

    /// <summary>Sends oneself a sample of one kind of email, as it would be now, whatever one's own choices.</summary>
    public async Task<IActionResult> OnPostSampleAsync(string? kind, CancellationToken cancellationToken)
    {
        if (viewer.Current.UserId is not { } me)
        {
            return NotFound();
        }

        var sample = Samples.FirstOrDefault(s => s.Kind.ToString() == kind);
        if (sample.Name is null)
        {
            TempData.Flash("Choose one of the emails listed below to get a sample of it.");
            return RedirectToPage(null, null, "samples");
        }

        var message = await samples.ComposeAsync(sample.Kind, me, cancellationToken);
        if (message is null)
        {
            TempData.Flash($"There is nothing to put in a {sample.Name} now, so none would be sent, and no sample is.");
        }
        else if (!await Web.Mail.Sending.OutboxDecisions.AddOnceAsync(db, message, cancellationToken))
        {
            TempData.Flash($"A sample {sample.Name} was sent to you a moment ago: it is on its way.");
        }
        else
        {
            await outbox.DeliverSoonAsync(cancellationToken);
            TempData.Flash($"A sample {sample.Name} is on its way to {message.To}.");
        }

        return RedirectToPage(null, null, "samples");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (viewer.Current.UserId is not { } me)
        {
            return NotFound();
        }

        if (!ModelState.IsValid | !await validator.ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            CalendarAddress = calendars.For(site.Site, me, (await PreferencesAsync(me, cancellationToken)).CalendarVersion);
            await LoadShownAsync(me, cancellationToken);
            return Page();
        }

        var preferences = await MailPreferences.EditAsync(db, me, mail.Value.DefaultTimeZone, cancellationToken);
        var (digest, alerts) = (preferences.WeeklyDigest, preferences.DropAlerts);
        Input.ApplyTo(preferences);
        if (!ManagesATeam)
        {
            (preferences.WeeklyDigest, preferences.DropAlerts) = (digest, alerts); // not theirs to choose
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData.Flash("Your settings are saved.");
        return RedirectToPage();
    }

    /// <summary>For showing: the stored settings, or the defaults (not stored until the person saves).</summary>
    /// <summary>What the page shows besides the form: the person's sessions and their connected calendar.</summary>
    private async Task LoadShownAsync(Guid me, CancellationToken cancellationToken)
    {
        Sessions = await SessionsModel.LoadAsync(db, me, Security.Sessions.IdOf(User), time.UtcNow(), cancellationToken);
        Calendar = await db.CalendarConnections.Where(c => c.UserId == me)
            .Select(c => new ConnectedCalendar(c.Host, c.LastReadAt, c.MeetingsFound, c.LastError)).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<MailPreferences> PreferencesAsync(Guid me, CancellationToken cancellationToken) =>
        await db.MailPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == me, cancellationToken)
        ?? MailPreferences.For(me, mail.Value.DefaultTimeZone);
}
