using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Mail.ClientPulses;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>
/// "Ask the client": makes the contact's personal link to the pulse and shows it once, to copy or as a QR code, or
/// sends it to the contact's email (with a reminder later, PulseMail). Only a hash of the link's secret is stored, so
/// the link cannot be shown again; asking again replaces it. A contact who said "Don't ask me again" is not asked.
/// </summary>
public sealed class AskModel(TrustAdvisorDbContext db, TimeProvider time, IViewerAccessor viewer, IOptions<PulseOptions> options, PulseAsking asking)
    : PageModel
{
    private const string NewLinkKey = "PulseLink";

    /// <summary>The new pulse's id, chosen when the form is shown: the form sent twice makes one link.</summary>
    [BindProperty]
    public Guid PulseId { get; set; }

    /// <summary>A line from the advisor at the top of the email (optional).</summary>
    [BindProperty]
    public string? PersonalLine { get; set; }

    public RelationshipHeader Relationship { get; private set; } = null!;
    public string? ContactEmail { get; private set; }
    public DateTime? ContactOptedOutAt { get; private set; }
    public int ReminderAfterDays => options.Value.ReminderAfterDays;
    public string FirmName => options.Value.FirmName;
    public OpenLink? Open { get; private set; }
    public DateOnly? LastAnswered { get; private set; }
    public string? NewLink { get; private set; }
    public string? NewLinkQrCode { get; private set; }
    public int LinkValidDays => options.Value.LinkValidDays;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        PulseId = time.NewId();
        if (TempData[NewLinkKey] is string link && PulseToken.Parse(link) is { } token && token.PulseId == Open?.Id)
        {
            NewLink = Url.Page("/Pulses/Answer", null, new { token = link }, Request.Scheme) ?? throw new InvalidOperationException("The client page has no address.");
            NewLinkQrCode = QrCode.Svg(NewLink, $"QR code of the link for {Relationship.ContactName}");
        }

        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) => AskAsync(id, byEmail: false, cancellationToken);

    public Task<IActionResult> OnPostEmailAsync(Guid id, CancellationToken cancellationToken) => AskAsync(id, byEmail: true, cancellationToken);

    private async Task<IActionResult> AskAsync(Guid id, bool byEmail, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (!ModelState.RequireFormId(PulseId))
        {
            return Page();
        }

        if (ContactOptedOutAt is not null)
        {
            ModelState.AddModelError(string.Empty, $"{Relationship.ContactName} asked not to be asked again, so nothing was made or sent.");
            return Page();
        }

        if (byEmail && ContactEmail is null)
        {
            ModelState.AddModelError(string.Empty, $"There is no email address for {Relationship.ContactName}: add it on Edit, or make a link to pass on yourself.");
            return Page();
        }

        if (byEmail && PersonalLine?.Trim().Length > PulseMail.PersonalLineMaxLength)
        {
            ModelState.AddModelError(nameof(PersonalLine), $"Keep your line to {PulseMail.PersonalLineMaxLength} characters.");
            return Page();
        }

        var relationship = await db.Relationships.Include(r => r.Contact).SingleAsync(r => r.Id == id, cancellationToken);
        if (ModelState.RefuseArchived(relationship.IsArchived, "ask the client", "no link was made"))
        {
            return Page();
        }

        if (relationship.OwnerId is null)
        {
            ModelState.AddModelError(string.Empty, "This relationship has no owner for the client to answer about, so no link was made. Hand it to an advisor first.");
            return Page();
        }

        // Looked up first: the first post of this form replaced what was open, so a second would replace its own link.
        if (await IsStoredAsync(id, cancellationToken))
        {
            return AlreadyMade(id, byEmail);
        }

        var asker = viewer.Current.UserId ?? throw new InvalidOperationException("Asking needs a signed-in person.");
        var asked = await asking.AddAsync(db, relationship, PulseId, asker, byEmail, PersonalLine, time.UtcNow(), cancellationToken);
        switch (await db.SaveOnceAsync(ct => IsStoredAsync(id, ct), cancellationToken))
        {
            case SaveOutcome.AlreadySaved:
                return AlreadyMade(id, byEmail);
            case SaveOutcome.Conflict:
                ModelState.AddModelError(string.Empty, "The client was asked from somewhere else at the same moment, so no link was made here. Reload the page to see the open link.");
                return Page();
        }

        await asking.AfterSavedAsync(db, [asked]);
        if (!byEmail)
        {
            TempData[NewLinkKey] = asked.Token.ToString();
            return RedirectToPage(new { id });
        }

        TempData.Flash($"Sent to {relationship.Contact.Name} at {relationship.Contact.Email}"
            + (options.Value.ReminderAfterDays > 0 ? $"; one reminder follows in {options.Value.ReminderAfterDays} days if they have not answered." : "."));
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid pulse, CancellationToken cancellationToken)
    {
        if (!await db.Relationships.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var open = await db.Pulses.FirstOrDefaultAsync(p => p.Id == pulse && p.RelationshipId == id, cancellationToken);
        if (open is null)
        {
            TempData.Flash("There was no such link to withdraw; nothing changed.");
            return RedirectToPage(new { id });
        }

        var wasOpen = open.Status == PulseStatus.Open;
        open.Withdraw(time.UtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (open.SentByEmail)
            {
                await PulseMail.CancelReminderAsync(db, open.Id, CancellationToken.None);
            }
            TempData.Flash(wasOpen
                ? "Link withdrawn: it no longer opens the questions."
                : open.Status == PulseStatus.Answered
                    ? "The client had already answered; the answer is kept."
                    : "That link was already closed; nothing changed.");
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData.Flash("The link changed meanwhile (answered, or replaced by a new one), so nothing was withdrawn.");
        }

        return RedirectToPage(new { id });
    }

    private Task<bool> IsStoredAsync(Guid id, CancellationToken cancellationToken) =>
        db.Pulses.AnyAsync(p => p.Id == PulseId && p.RelationshipId == id, cancellationToken);

    private RedirectToPageResult AlreadyMade(Guid id, bool byEmail)
    {
        TempData.Flash(byEmail
            ? "That email was sent already: once is enough."
            : "That link was made already. It is shown only once; if you did not copy it, make a new one.");
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var header = await RelationshipHeader.FindAsync(db, id, cancellationToken);
        if (header is null)
        {
            return NotFound();
        }

        Relationship = header;
        var contact = await db.Relationships.Where(r => r.Id == id).Select(r => new { ContactEmail = r.Contact.Email, ContactOptedOutAt = r.Contact.OptedOutAt }).SingleAsync(cancellationToken);
        (ContactEmail, ContactOptedOutAt) = (contact.ContactEmail, contact.ContactOptedOutAt);
        var now = time.UtcNow();
        Open = await OpenLink.FindAsync(db, id, now, cancellationToken);
        LastAnswered = await db.Pulses.Where(p => p.RelationshipId == id && p.AnsweredOn != null)
            .MaxAsync(p => p.AnsweredOn, cancellationToken);
        return null;
    }
}
