using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Overview;

/// <summary>
/// The home page: the relationships the viewer sees, those that need attention first, with the reasons in words.
/// Someone who sees more than one team (a manager of several, an administrator) may look at one of them.
/// </summary>
public sealed class IndexModel(
    TrustAdvisorDbContext db, IMemoryCache cache, TimeProvider time, IOptions<PulseOptions> pulses, IOptions<MailOptions> mail, IViewerAccessor viewer)
    : PageModel
{
    /// <summary>Client meetings from the person's calendar to score, at the top.</summary>
    public MeetingsToScore MeetingsToScore { get; private set; } = MeetingsToScore.None;

    /// <summary>The share of the person's client meetings scored within two days; null without a connected calendar.</summary>
    public Domain.Calendars.MeetingHabit? Habit { get; private set; }

    public IReadOnlyList<AttentionList.Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool ShowsOwners { get; private set; }

    /// <summary>The teams the viewer may narrow the list to; empty unless there are two or more.</summary>
    public IReadOnlyList<TeamChoice> Teams { get; private set; } = [];

    public TeamChoice? CurrentTeam { get; private set; }

    public int NeedingAttention => Rows.Count(r => r.Alerts.Count > 0);

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? team, CancellationToken cancellationToken)
    {
        var me = viewer.Current;
        if (me.SeesAll || me.ManagedTeamIds.Count > 1)
        {
            var managed = me.ManagedTeamIds;
            var teams = await db.Teams.Where(t => me.SeesAll || managed.Contains(t.Id))
                .OrderBy(t => t.Name).Select(t => new TeamChoice(t.Id, t.Name)).ToListAsync(cancellationToken);
            Teams = teams.Count > 1 ? teams : [];
        }

        if (team is { } asked && (CurrentTeam = Teams.FirstOrDefault(t => t.Id == asked)) is null)
        {
            return NotFound();
        }

        Today = time.Today();
        var list = await AttentionList.LoadAsync(
            db, cache, Today, new AttentionList.ClientViewDue(pulses.Value.ClientViewDueMonths, pulses.Value.FirstClientViewDays), CurrentTeam?.Id, cancellationToken);
        Rows = list.Rows;
        ShowsOwners = list.ShowsOwners;
        if (me.UserId is { } userId)
        {
            // Without a connected calendar there is nothing of it to show (disconnecting deletes its meetings): one probe.
            Habit = await MeetingHabits.OwnAsync(db, userId, time.UtcNow(), cancellationToken);
            if (Habit is not null)
            {
                MeetingsToScore = await MeetingsToScore.LoadAsync(db, userId, time.UtcNow(), mail.Value.DefaultTimeZone, cancellationToken);
            }
        }

        return Page();
    }

    /// <summary>"Not a client meeting": the meeting leaves the list, and is not asked about again.</summary>
    public async Task<IActionResult> OnPostDismissMeetingAsync(Guid meeting, CancellationToken cancellationToken)
    {
        var me = viewer.Current.UserId;
        var now = time.UtcNow();
        var dismissed = await db.CalendarMeetings.Where(m => m.Id == meeting && m.UserId == me && m.DismissedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.DismissedAt, now), cancellationToken);
        // Someone else's meeting, or one gone with a disconnected calendar, reads the same: nothing to leave out.
        TempData.Flash(dismissed == 1 ? "Left out: that meeting is not asked about again." : "That meeting is no longer on your list.");
        return RedirectToPage();
    }

    public sealed record TeamChoice(Guid Id, string Name);
}
