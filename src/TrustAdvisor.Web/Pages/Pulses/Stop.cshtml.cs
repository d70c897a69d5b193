using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Mail.ClientPulses;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Pulses;

/// <summary>
/// "Don't ask me again", from an emailed pulse, without an account. Opening it asks (a link scanner opening it changes
/// nothing); the button, or a mail program's one-click POST (RFC 8058: no anti-forgery token, the signed token in the
/// address authorises it), marks the relationship's contact as not to be asked and cancels any reminder on its way.
/// Reads the relationship past the query filter, by the token alone (ADR 5's exceptions).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StopModel(TrustAdvisorDbContext db, PulseOptOutLinks links, TimeProvider time, IOptions<PulseOptions> options) : PageModel
{
    public string? AdvisorName { get; private set; }
    public string FirmName => options.Value.FirmName;
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        return await FindAsync(token, cancellationToken) is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, cancellationToken) is not { } relationshipId)
        {
            return NotFound();
        }

        // The choice is the person's: it holds for every advisor's relationship with them.
        var contact = await db.Relationships.IgnoreQueryFilters().Where(r => r.Id == relationshipId).Select(r => r.Contact).SingleAsync(cancellationToken);
        contact.OptsOut(time.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        foreach (var theirs in await db.Relationships.IgnoreQueryFilters().Where(r => r.ContactId == contact.Id).Select(r => r.Id).ToListAsync(cancellationToken))
        {
            await PulseMail.CancelRemindersOfAsync(db, theirs, CancellationToken.None);
        }

        Done = true;
        return Page();
    }

    private async Task<Guid?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } relationshipId)
        {
            return null;
        }

        var found = await db.Relationships.IgnoreQueryFilters().Where(r => r.Id == relationshipId)
            .Select(r => new { Advisor = db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), ContactOptedOutAt = r.Contact.OptedOutAt })
            .FirstOrDefaultAsync(cancellationToken);
        (AdvisorName, Done) = (found?.Advisor, found?.ContactOptedOutAt is not null);
        return AdvisorName is null ? null : relationshipId;
    }
}
