using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain.Reminders;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Pages.Mail;

/// <summary>
/// An email's unsubscribe link, without signing in. Opening it asks (a link scanner opening it changes nothing); the
/// button, or a mail program's one-click POST (RFC 8058, which carries no anti-forgery token: the signed token in the
/// address is what authorises it), turns that kind of email off.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(
    UnsubscribeLinks links, TrustAdvisorDbContext db, IOptions<MailOptions> mail) : PageModel
{
    public string? Email { get; private set; }
    public MailKind Kind { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken) =>
        await FindAsync(token, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, cancellationToken) is not { } personId)
        {
            return NotFound();
        }

        var preferences = await MailPreferences.EditAsync(db, personId, mail.Value.DefaultTimeZone, cancellationToken);

        switch (Kind)
        {
            case MailKind.Reminder:
                preferences.Reminder = ReminderFrequency.Off;
                break;
            case MailKind.WeeklyDigest:
                preferences.WeeklyDigest = false;
                break;
            case MailKind.DropAlert:
                preferences.DropAlerts = false;
                break;
            default:
                return NotFound(); // a kind nobody can turn off has no link
        }

        await db.SaveChangesAsync(cancellationToken);
        Done = true;
        return Page();
    }

    private async Task<Guid?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not var (personId, kind))
        {
            return null;
        }

        Kind = kind;
        Email = await db.Users.Where(u => u.Id == personId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        return Email is null ? null : personId;
    }

    public static string Describe(MailKind kind) => kind switch
    {
        MailKind.Reminder => "reminders of relationships to score",
        MailKind.WeeklyDigest => "weekly digests of the team",
        MailKind.DropAlert => "alerts of sharp drops in the team",
        _ => kind.ToString(),
    };
}
