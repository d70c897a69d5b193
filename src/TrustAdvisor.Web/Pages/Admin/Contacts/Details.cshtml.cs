using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Clients;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Admin.Contacts;

/// <summary>
/// One contact's data: what is held (and a JSON download of all of it, for an access request) and their erasure (for
/// a request to be forgotten), which cannot be undone and says so first. Both are audited.
/// </summary>
public sealed class DetailsModel(TrustAdvisorDbContext db, TimeProvider time, AuditTrail audit) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public ContactExport Contact { get; private set; } = null!;

    /// <summary>The administrator ticked "I understand this cannot be undone".</summary>
    [BindProperty]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ContactData.ExportAsync(db, id, cancellationToken) is not { } contact)
        {
            return NotFound();
        }

        Contact = contact;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ContactData.ExportAsync(db, id, cancellationToken) is not { } contact)
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditKind.ContactExported, id, $"{contact.Name} of {contact.Organisation}");
        return File(JsonSerializer.SerializeToUtf8Bytes(contact, Json), "application/json", $"contact-{id:N}.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ContactData.ExportAsync(db, id, cancellationToken) is not { } contact)
        {
            return NotFound();
        }

        Contact = contact;
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "Tick that you understand erasing cannot be undone; nothing was erased.");
            return Page();
        }

        if (contact.ErasedAt is not null)
        {
            TempData.Flash("This contact was erased already; nothing more was done.");
            return RedirectToPage(new { id });
        }

        audit.Add(AuditKind.ContactErased, id, $"a contact of {contact.Organisation}");
        var erased = await ContactData.EraseAsync(db, id, time.UtcNow(), cancellationToken);
        TempData.Flash($"Erased. Their name, role and address are gone from {erased!.Relationships} relationships, {erased.Pulses} client links and answers "
            + $"(their answers stay, anonymous), {erased.Notes} notes and {erased.Mail} emails.");
        return RedirectToPage(new { id });
    }
}
