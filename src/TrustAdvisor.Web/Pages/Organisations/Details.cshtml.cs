using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Mail.ClientPulses;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Organisations;

/// <summary>
/// A client organisation's page (<see cref="OrganisationView"/>), and "Ask everyone": each of its people the viewer sees
/// who has an email address and may be asked gets their own link to the pulse at once, about the advisor of their
/// relationship. An organisation with no relationship the viewer may see is not found, whatever its name.
/// </summary>
public sealed class DetailsModel(
    TrustAdvisorDbContext db, TimeProvider time, IViewerAccessor viewer, IOptions<PulseOptions> options, PulseAsking asking) : PageModel
{
    public OrganisationView Organisation { get; private set; } = null!;

    /// <summary>The new pulse's id for each relationship asked, chosen when the page is shown: sent twice, asked once.</summary>
    [BindProperty]
    public Dictionary<Guid, Guid> PulseIds { get; set; } = [];

    [BindProperty]
    public string? PersonalLine { get; set; }

    public int ReminderAfterDays => options.Value.ReminderAfterDays;
    public string FirmName => options.Value.FirmName;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OrganisationView.LoadAsync(db, id, cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        PulseIds = organisation.Rows.Where(r => r.NotAskedBecause is null).ToDictionary(r => r.Id, _ => time.NewId());
        return Page();
    }

    public async Task<IActionResult> OnPostAskEveryoneAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OrganisationView.LoadAsync(db, id, cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        var asked = organisation.Rows.Where(r => r.NotAskedBecause is null && PulseIds.ContainsKey(r.Id)).ToList();
        if (!ModelState.IsValid || asked.Count == 0)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, "Nobody here can be asked by email from this page now, so nothing was sent. Reload it to see who can.");
            return Page();
        }

        if (PersonalLine?.Trim().Length > PulseMail.PersonalLineMaxLength)
        {
            ModelState.AddModelError(nameof(PersonalLine), $"Keep your line to {PulseMail.PersonalLineMaxLength} characters.");
            return Page();
        }

        var ids = asked.Select(r => PulseIds[r.Id]).ToList();
        if (await IsStoredAsync(ids, cancellationToken))
        {
            return AlreadySent(id);
        }

        var now = time.UtcNow();
        var asker = viewer.Current.UserId ?? throw new InvalidOperationException("Asking needs a signed-in person.");
        var relationshipIds = asked.Select(r => r.Id).ToList();
        var relationships = await db.Relationships.Include(r => r.Contact).Where(r => relationshipIds.Contains(r.Id)).ToListAsync(cancellationToken);
        var done = new List<Asked>();
        foreach (var relationship in relationships)
        {
            // The line reads as the advisor's own: it goes only in the emails about the person who wrote it.
            var line = relationship.OwnerId == asker ? PersonalLine : null;
            done.Add(await asking.AddAsync(db, relationship, PulseIds[relationship.Id], asker, byEmail: true, line, now, cancellationToken));
        }

        switch (await db.SaveOnceAsync(ct => IsStoredAsync(ids, ct), cancellationToken))
        {
            case SaveOutcome.AlreadySaved:
                return AlreadySent(id);
            case SaveOutcome.Conflict:
                ModelState.AddModelError(string.Empty, "Someone asked one of them at the same moment, so nothing was sent. Reload the page and ask again.");
                return Page();
        }

        await asking.AfterSavedAsync(db, done);
        var left = organisation.Rows.Where(r => r.NotAskedBecause is not null).Select(r => $"{r.ContactName} ({r.NotAskedBecause})").ToList();
        TempData.Flash($"Sent to {string.Join(", ", asked.Select(r => r.ContactName))}, each their own link."
            + (left.Count > 0 ? $" Not asked: {string.Join(", ", left)}." : string.Empty));
        return RedirectToPage(new { id });
    }

    private Task<bool> IsStoredAsync(List<Guid> pulseIds, CancellationToken cancellationToken) =>
        db.Pulses.AnyAsync(p => pulseIds.Contains(p.Id), cancellationToken);

    private RedirectToPageResult AlreadySent(Guid id)
    {
        TempData.Flash("Those emails were sent already: once is enough.");
        return RedirectToPage(new { id });
    }
}
