using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.TeamDashboard;

/// <summary>
/// The demo manager's dashboard on both databases: every part is there, and each agrees with the relationship
/// histories it summarises.
/// </summary>
public static class DemoDashboard
{
    public static async Task ShowsFiguresConsistentWithTheHistoriesAsync(AppFixture app)
    {
        var (email, password, _, _) = AccountSeeder.DemoAccounts.Single(a => a.Role == UserRole.Manager);
        var manager = app.CreateAnonymousClient();
        (await manager.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await manager.GetPageAsync("/TeamDashboard?period=year");

        var trend = Section(page, "trend-heading").QuerySelectorAll("tbody tr");
        trend.Length.ShouldBeGreaterThan(6);
        var assessedInYear = await app.QueryAsync(db => db.Assessments.CountAsync(a =>
            a.SupersededAt == null && a.MeetingDate > app.Today.AddYears(-1) && a.MeetingDate <= app.Today));
        trend.Sum(r => int.Parse(r.Children[1].TextContent, CultureInfo.InvariantCulture)).ShouldBe(assessedInYear);
        Section(page, "heatmap-heading").QuerySelectorAll("tbody tr").Length.ShouldBe(3);
        Section(page, "advisors-heading").QuerySelectorAll("tbody tr").Length.ShouldBe(3);

        var slipping = Section(page, "slipping-heading").QuerySelectorAll("tbody tr");
        slipping.Length.ShouldBeGreaterThan(0);
        foreach (var row in slipping)
        {
            var sentence = row.Children[3].TextContent;
            var now = sentence.Split(" to ")[1].Split(',')[0];
            var history = await manager.GetPageAsync(row.QuerySelector("a")!.GetAttribute("href")!);
            history.QuerySelector("[data-testid=latest-trust]")!.TextContent.ShouldBe(now, sentence);
        }

        var stale = Section(page, "stale-heading").QuerySelectorAll("tbody tr");
        stale.Length.ShouldBeGreaterThan(0);
        foreach (var row in stale)
        {
            var history = await manager.GetPageAsync(row.QuerySelector("a")!.GetAttribute("href")!);
            var newest = history.QuerySelector(".history tbody tr th[data-label=Meeting]")?.TextContent ?? "never";
            newest.ShouldContain(row.Children[3].TextContent.Trim());
        }

        foreach (var row in Section(page, "moments-heading").QuerySelectorAll("tbody tr"))
        {
            var history = await manager.GetPageAsync(row.QuerySelector("a")!.GetAttribute("href")!);
            history.QuerySelector(".history")!.TextContent.ShouldContain(row.Children[0].TextContent.Trim());
        }

        var byWeek = Section(await manager.GetPageAsync("/TeamDashboard?period=quarter&by=week"), "trend-heading").QuerySelectorAll("tbody tr");
        byWeek.Length.ShouldBeGreaterThan(4);
        byWeek.ShouldAllBe(r => r.Children[0].TextContent.StartsWith("Week of ", StringComparison.Ordinal));

        var csv = await manager.GetStringAsync(new Uri("/TeamDashboard?handler=Export&table=advisors&period=year", UriKind.Relative));
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(4);

        await ShowsTheClientsViewAsync(app, manager, page);
        await ShowsTheTeamAtAGlanceAsync(app, page);
    }

    /// <summary>The glance at the top agrees with the sections below it and with the histories.</summary>
    private static async Task ShowsTheTeamAtAGlanceAsync(AppFixture app, IDocument page)
    {
        string Tile(string id) => page.QuerySelector($"[data-testid={id}]")!.TextContent.Trim();
        var from = app.Today.AddYears(-1).AddDays(1);
        var states = await app.QueryAsync(db => db.Assessments.Where(a => a.SupersededAt == null)
            .Join(db.Relationships.Where(r => r.ArchivedAt == null), a => a.RelationshipId, r => r.Id, (a, r) => new { a.RelationshipId, a.MeetingDate, a.LineageId, a.Trust })
            .ToListAsync());
        double? MedianOfLatest(Func<DateOnly, bool> on) => Median(states.Where(a => on(a.MeetingDate))
            .GroupBy(a => a.RelationshipId)
            .Select(g => g.OrderByDescending(a => a.MeetingDate).ThenByDescending(a => a.LineageId).First().Trust));
        var now = MedianOfLatest(d => d <= app.Today)!.Value;
        var then = MedianOfLatest(d => d < from)!.Value;
        Tile("glance-median").ShouldBe(TrustAdvisor.Domain.Trust.TrustEquation.Format(now));
        page.QuerySelector("[data-testid=glance-median]")!.ParentElement!.TextContent.ShouldContain(
            TrustAdvisor.Domain.Trust.TrustEquation.FormatDelta((decimal)Math.Round(now - then, 1, MidpointRounding.AwayFromZero)));

        var slipping = Section(page, "slipping-heading").QuerySelectorAll("tbody tr").Length;
        Tile("glance-slipping").ShouldBe(slipping.ToString(CultureInfo.InvariantCulture));
        var overdue = Section(page, "advisors-heading").QuerySelectorAll("tbody [data-label='Overdue reviews']")
            .Sum(td => int.Parse(td.TextContent, CultureInfo.InvariantCulture));
        Tile("glance-overdue").ShouldBe(overdue.ToString(CultureInfo.InvariantCulture));

        var answers = await app.QueryAsync(db => db.Pulses.Where(p => p.AnsweredOn >= from && p.AnsweredOn <= app.Today).Select(p => p.Trust!.Value).ToListAsync());
        Tile("glance-client").ShouldBe(TrustAdvisor.Domain.Trust.TrustEquation.Format(Median(answers)!.Value));
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The demo's first advisor is lenient with their clients, the second severe (DemoPulseGenerator).</summary>
    private static async Task ShowsTheClientsViewAsync(AppFixture app, HttpClient manager, IDocument page)
    {
        var calibration = page.GetElementById("calibration")!.QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelector("[data-label=Calibration]")!.TextContent);
        calibration.Count.ShouldBe(3);
        calibration["Alex Advisor (demo)"].ShouldStartWith("Lenient on ");
        calibration["Sam Okafor (demo)"].ShouldStartWith("Severe on ");
        var answeredInYear = await app.QueryAsync(db => db.Pulses.CountAsync(p =>
            p.AnsweredOn > app.Today.AddYears(-1) && p.AnsweredOn <= app.Today));
        page.GetElementById("client-trend")!.QuerySelectorAll("tbody tr")
            .Sum(r => int.Parse(r.Children[1].TextContent, CultureInfo.InvariantCulture)).ShouldBe(answeredInYear);
        var csv = await manager.GetStringAsync(new Uri("/TeamDashboard?handler=Export&table=calibration&period=year", UriKind.Relative));
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(4);
        var trendCsv = await manager.GetStringAsync(new Uri("/TeamDashboard?handler=Export&table=client-trend&period=year", UriKind.Relative));
        trendCsv.ShouldStartWith("Period start,Period,Answers,Median T");
    }

    private static IElement Section(IDocument page, string heading) => page.GetElementById(heading)!.ParentElement!;
}

public class DemoDashboardTests(PostgresDemoApp app) : IClassFixture<PostgresDemoApp>
{
    [Fact]
    public Task On_PostgreSQL_the_demo_managers_dashboard_agrees_with_the_histories() =>
        DemoDashboard.ShowsFiguresConsistentWithTheHistoriesAsync(app);
}

public class SqliteDemoDashboardTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public Task On_SQLite_the_demo_managers_dashboard_agrees_with_the_histories() =>
        DemoDashboard.ShowsFiguresConsistentWithTheHistoriesAsync(app);
}
