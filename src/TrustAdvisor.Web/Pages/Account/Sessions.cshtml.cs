using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>Where one is signed in: each open session with its device, address and times; end any or all the others.</summary>
public sealed class SessionsModel(TrustAdvisorDbContext db, IViewerAccessor viewer, Sessions sessions, AuditTrail audit, TimeProvider time) : PageModel
{
    public SessionList List { get; private set; } = new([], null);

    private Guid? Current => Sessions.IdOf(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (viewer.Current.UserId is not { } me)
        {
            return NotFound();
        }

        List = await LoadAsync(db, me, Current, time.UtcNow(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id)
    {
        if (viewer.Current.UserId is not { } me)
        {
            return NotFound();
        }

        if (id == Current)
        {
            TempData.Flash("To end the session on this device, sign out.");
        }
        else if (await sessions.EndAsync(me, id))
        {
            await audit.RecordAsync(AuditKind.SessionsEnded, me, "1 by its owner");
            TempData.Flash("That session has ended: the device has to sign in again.");
        }
        else
        {
            TempData.Flash("That session had already ended.");
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndOthersAsync()
    {
        if (viewer.Current.UserId is not { } me)
        {
            return NotFound();
        }

        var ended = await sessions.EndAllAsync(me, keep: Current);
        await audit.RecordAsync(AuditKind.SessionsEnded, me, $"{ended} by their owner");
        TempData.Flash(ended == 0 ? "You are signed in on this device only." : $"Ended {ended} other {(ended == 1 ? "session" : "sessions")}: only this device stays signed in.");
        return RedirectToPage();
    }

    /// <summary>The person's open sessions, newest use first, and which is this device's (also shown on Your settings).</summary>
    public static async Task<SessionList> LoadAsync(TrustAdvisorDbContext db, Guid me, Guid? current, DateTime now, CancellationToken cancellationToken) =>
        new(await db.UserSessions.Where(s => s.UserId == me && s.EndedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new Row(s.Id, s.Device, s.Address, s.StartedAt, s.LastSeenAt, s.KeepSignedIn))
            .AsNoTracking()
            .ToListAsync(cancellationToken), current);

    public sealed record Row(Guid Id, string Device, string? Address, DateTime StartedAt, DateTime LastSeenAt, bool KeepSignedIn);

    public sealed record SessionList(IReadOnlyList<Row> Open, Guid? Current);
}
