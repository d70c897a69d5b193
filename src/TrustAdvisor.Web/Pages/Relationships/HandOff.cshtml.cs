using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>The owner or their manager hands a relationship to another advisor of the team, with a note.</summary>
public sealed class HandOffModel(
    TrustAdvisorDbContext db, IValidator<HandOffInput> validator, TimeProvider time, IViewerAccessor viewer, AuditTrail audit) : PageModel
{
    [BindProperty]
    public Guid? ToOwnerId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    /// <summary>Chosen when the form is shown, so a resubmitted form hands off once.</summary>
    [BindProperty]
    public Guid HandOffId { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public RelationshipHeader Relationship { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Advisors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var relationship = await LoadAsync(id, cancellationToken);
        if (relationship is null)
        {
            return NotFound();
        }

        HandOffId = time.NewId();
        Version = relationship.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var relationship = await LoadAsync(id, cancellationToken);
        if (relationship is null)
        {
            return NotFound();
        }

        // Before the checks below: once saved, the first post changed the relationship's owner and version.
        if (HandOffId != Guid.Empty && await IsStoredAsync(cancellationToken))
        {
            return await DoneAsync("That hand-off was already made; it is recorded once.", cancellationToken);
        }

        if (!await ValidateAsync(relationship, cancellationToken))
        {
            return Page();
        }

        if (relationship.Version != Version)
        {
            return Stale(relationship);
        }

        db.Entry(relationship).Property(r => r.Version).OriginalValue = Version;
        var handOff = relationship.HandOffTo(HandOffId, ToOwnerId!.Value, viewer.Current.UserId!.Value, Note!, time.UtcNow());
        db.HandOffs.Add(handOff);
        var to = Advisors.First(a => a.Value == ToOwnerId.ToString()).Text;
        audit.Add(AuditKind.HandOff, relationship.Id, $"{Relationship.ClientOrganisation}: to {to}");
        return await db.SaveOnceAsync(IsStoredAsync, cancellationToken) switch
        {
            SaveOutcome.Saved => await DoneAsync(
                $"Handed {Relationship.ClientOrganisation} over to {to}. Their first assessment will be marked as their baseline.", cancellationToken),
            SaveOutcome.AlreadySaved => await DoneAsync("That hand-off was already made; it is recorded once.", cancellationToken),
            // Changed meanwhile; if it went to someone else, whoever just lost it sees it no more.
            _ => await LoadAsync(id, cancellationToken) is { } current ? Stale(current) : NotFound(),
        };
    }

    private Task<bool> IsStoredAsync(CancellationToken cancellationToken) => db.HandOffs.AnyAsync(h => h.Id == HandOffId, cancellationToken);

    private async Task<bool> ValidateAsync(Relationship relationship, CancellationToken cancellationToken)
    {
        ModelState.RequireFormId(HandOffId);

        ModelState.RefuseArchived(relationship.IsArchived, "hand it to someone else");

        if (ToOwnerId is null || Advisors.All(a => a.Value != ToOwnerId.ToString()))
        {
            ModelState.AddModelError(nameof(ToOwnerId), "Choose an advisor of this relationship's team (not its current owner).");
        }

        return await validator.ValidateIntoAsync(new HandOffInput(Note), ModelState, string.Empty, cancellationToken);
    }

    private PageResult Stale(Relationship current)
    {
        Version = current.Version;
        ModelState.Remove(nameof(Version));
        ModelState.AddModelError(string.Empty, "Someone changed this relationship meanwhile, so nothing was saved. Check its owner, then try again.");
        return Page();
    }

    /// <summary>The previous owner no longer sees the relationship, so they go back to their list.</summary>
    private async Task<RedirectToPageResult> DoneAsync(string message, CancellationToken cancellationToken)
    {
        TempData.Flash(message);
        return await db.Relationships.AnyAsync(r => r.Id == Relationship.Id, cancellationToken)
            ? RedirectToPage("Details", new { id = Relationship.Id })
            : RedirectToPage("/Overview/Index");
    }

    private async Task<Relationship?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var relationship = await db.Relationships.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        var header = relationship is null ? null : await RelationshipHeader.FindAsync(db, id, cancellationToken);
        if (relationship is null || header is null)
        {
            return null;
        }

        Relationship = header;
        Advisors = await db.Users
            .Where(u => u.TeamId == relationship.TeamId && u.Role == UserRole.Advisor && u.IsActive && u.Id != relationship.OwnerId)
            .OrderBy(u => u.DisplayName)
            .Select(u => new OptionRow(u.DisplayName, u.Id))
            .ToOptionsAsync(cancellationToken);
        return relationship;
    }
}
