using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>One's own settings: which emails to get, when, and in which time zone.</summary>
public sealed class SettingsModel(
    TrustAdvisorDbContext db, IViewerAccessor viewer, IOptions<MailOptions> mail, IValidator<SettingsInput> validator) : PageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new(null, null, null, null, false, false);

    /// <summary>Managers (and administrators, who may manage a team) choose the digest and the alerts too.</summary>
    public bool ManagesATeam => viewer.Current.IsManager || viewer.Current.SeesAll;

    public static IReadOnlyList<TimeZoneInfo> TimeZones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).OrderBy(z => z.BaseUtcOffset).ThenBy(z => z.Id, StringComparer.Ordinal)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (viewer.Current.UserId is not { } me)
        {
            return NotFound();
        }

        Input = SettingsInput.From(await PreferencesAsync(me, cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (viewer.Current.UserId is not { } me)
        {
            return NotFound();
        }

        if (!ModelState.IsValid | !await validator.ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        var preferences = await PreferencesAsync(me, cancellationToken);
        if (db.Entry(preferences).State == EntityState.Detached)
        {
            db.MailPreferences.Add(preferences);
        }

        var keep = ManagesATeam ? null : (preferences.WeeklyDigest, preferences.DropAlerts) as (bool, bool)?;
        Input.ApplyTo(preferences);
        if (keep is var (digest, alerts))
        {
            (preferences.WeeklyDigest, preferences.DropAlerts) = (digest, alerts);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Flash"] = "Your settings are saved.";
        return RedirectToPage();
    }

    private async Task<MailPreferences> PreferencesAsync(Guid me, CancellationToken cancellationToken) =>
        await db.MailPreferences.SingleOrDefaultAsync(p => p.UserId == me, cancellationToken)
        ?? MailPreferences.For(me, mail.Value.DefaultTimeZone);
}
