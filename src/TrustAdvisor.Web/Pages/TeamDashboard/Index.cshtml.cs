using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Infrastructure.Reporting;
using TrustAdvisor.Web.Formatting;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.TeamDashboard;

/// <summary>
/// The manager's view of trust across a team they manage (one at a time, chosen from theirs). Every figure is
/// aggregated in the database.
/// </summary>
public sealed class IndexModel(
    TrustAdvisorDbContext db, IDbContextFactory<TrustAdvisorDbContext> contexts, TimeProvider time, IViewerAccessor viewer,
    IValidator<DashboardFilter> validator) : PageModel
{
    /// <summary>How many rows of each list a phone shows before "See all".</summary>

    public DashboardFilter Filter { get; private set; } = new();
    public bool FilterWasRefused { get; private set; }
    public DateOnly Today { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public bool ByMonth { get; private set; }
    public Choice? CurrentTeam { get; private set; }
    public IReadOnlyList<Choice> Teams { get; private set; } = [];
    public IReadOnlyList<Choice> Advisors { get; private set; } = [];
    public DashboardData? Data { get; private set; }

    /// <summary>Each advisor's client meetings scored, commitments kept on time and constructive risks in the period.</summary>
    public IReadOnlyDictionary<Guid, AdvisorPractice> Practices { get; private set; } = new Dictionary<Guid, AdvisorPractice>();

    /// <summary>The team's recovery plans that are a draft or open, whatever the period.</summary>
    public IReadOnlyList<TeamActions.PlanRow> OpenPlans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] DashboardFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (await QueriesAsync(filter, cancellationToken) is not { } queries)
        {
            return CurrentTeam is null && Filter.Team is not null ? NotFound() : Page();
        }

        Data = await DashboardData.QueryAsync(contexts, queries, Filter, cancellationToken);
        Practices = await PracticesAsync(Data.Advisors, cancellationToken);
        OpenPlans = await TeamActions.PlansAsync(db, queries.Scope, activeOnly: true, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] DashboardFilter filter, string? table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!DashboardExport.Tables.Contains(table ?? "") || await QueriesAsync(filter, cancellationToken) is not { } queries)
        {
            return NotFound();
        }

        var csv = await DashboardExport.CsvAsync(db, queries, Filter, table!, PracticesAsync, cancellationToken);
        var fileName = $"trust-{table}-{Display.IsoDate(From)}-to-{Display.IsoDate(To)}.csv";
        return File(csv, "text/csv; charset=utf-8", fileName);
    }

    /// <summary>Of the period's days, whatever the other filters (the meetings' days in UTC).</summary>
    private Task<IReadOnlyDictionary<Guid, AdvisorPractice>> PracticesAsync(IEnumerable<AdvisorSummary> advisors, CancellationToken cancellationToken) =>
        AdvisorPractice.ForAsync(db, advisors.Select(a => a.AdvisorId).ToList(), From, To, time.UtcNow(), Today, cancellationToken);

    /// <summary>
    /// Decides whose data the page shows: the team asked for if the viewer manages it (none: not found), else their
    /// own team, else the first they may see. A filter a person got wrong is reported and replaced by the defaults.
    /// </summary>
    private async Task<DashboardQueries?> QueriesAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        Today = time.Today();
        var valid = ModelState.IsValid & await validator.ValidateIntoAsync(filter, ModelState, string.Empty, cancellationToken);
        Filter = valid ? filter : filter.Defaults();
        FilterWasRefused = !valid;

        var me = viewer.Current;
        var managed = me.ManagedTeamIds;
        Teams = await db.Teams.Where(t => me.SeesAll || managed.Contains(t.Id))
            .OrderBy(t => t.Name).Select(t => new Choice(t.Id, t.Name)).ToListAsync(cancellationToken);
        CurrentTeam = Filter.Team is { } asked
            ? Teams.FirstOrDefault(t => t.Id == asked)
            : Teams.FirstOrDefault(t => t.Id == me.TeamId) ?? (Teams.Count > 0 ? Teams[0] : null);
        if (CurrentTeam is null)
        {
            return null;
        }

        (From, To) = Filter.Dates(Today);
        ByMonth = Filter.ByMonth(Today);
        Advisors = await db.Users
            .Where(u => u.TeamId == CurrentTeam.Id && u.Role == UserRole.Advisor)
            .OrderBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
        var scope = new TeamScope(CurrentTeam.Id, Filter.Advisor, Filter.Stage, Filter.Client, From, To, Today);
        return new DashboardQueries(scope, ByMonth, Filter.StaleDaysOrDefault);
    }

    /// <summary>The period and every filter that narrows the page, in words, for the folded filters' summary.</summary>
    public IEnumerable<string> ActiveFilters()
    {
        yield return Filter.PeriodOrDefault switch
        {
            DashboardFilter.LastFourWeeks => "Last 4 weeks",
            DashboardFilter.Year => "Last year",
            DashboardFilter.Custom => $"{Display.Date(From)} to {Display.Date(To)}",
            _ => "Last quarter",
        };
        if (Teams.Count > 1 && CurrentTeam is not null)
        {
            yield return CurrentTeam.Name;
        }

        if (Filter.Advisor is { } advisor)
        {
            yield return Advisors.FirstOrDefault(a => a.Id == advisor)?.Name ?? "one advisor";
        }

        if (Filter.Stage is { } stage)
        {
            yield return Display.Stage(stage);
        }

        if (!string.IsNullOrWhiteSpace(Filter.Client))
        {
            yield return $"client contains “{Filter.Client.Trim()}”";
        }

        if (Filter.StaleDaysOrDefault != DashboardFilter.DefaultStaleDays)
        {
            yield return $"not scored in {Filter.StaleDaysOrDefault} days";
        }

        if (!string.IsNullOrEmpty(Filter.By))
        {
            yield return $"by {Filter.By}";
        }
    }

    public string SortLink(string key) =>
        Url.Page("/TeamDashboard/Index", ValuesWith(("sort", key), ("desc", Filter.Sort == key && !Filter.Desc ? "true" : null)))! + "#advisors";

    public string ExportLink(string table) =>
        Url.Page("/TeamDashboard/Index", "Export", ValuesWith(("table", table)))!;

    private Dictionary<string, object?> ValuesWith(params (string Key, object? Value)[] extra)
    {
        var values = new Dictionary<string, object?>
        {
            ["team"] = Filter.Team,
            ["period"] = Filter.Period,
            ["from"] = Filter.From is { } f ? Display.IsoDate(f) : null,
            ["to"] = Filter.To is { } t ? Display.IsoDate(t) : null,
            ["by"] = Filter.By,
            ["advisor"] = Filter.Advisor,
            ["stage"] = Filter.Stage,
            ["client"] = Filter.Client,
            ["staleDays"] = Filter.StaleDays,
            ["sort"] = Filter.Sort,
            ["desc"] = Filter.Desc ? "true" : null,
        };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        return values;
    }

    /// <summary>The class of a list's row that a phone folds away until the list is unfolded.</summary>

    public sealed record Choice(Guid Id, string Name);
}
