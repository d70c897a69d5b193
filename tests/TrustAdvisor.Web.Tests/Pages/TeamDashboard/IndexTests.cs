using System.Net;
using AngleSharp.Dom;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.TeamDashboard;

public class IndexTests(TeamHistories app) : IClassFixture<TeamHistories>
{
    private async Task<IDocument> DashboardAsync(string email, string query = TeamHistories.Period) =>
        await (await app.CreateClientAsync(email)).GetPageAsync($"/TeamDashboard?{query}");

    private static List<string[]> Rows(IDocument page, string heading) =>
        page.GetElementById(heading)!.ParentElement!.QuerySelectorAll("table tbody tr")
            .Select(r => r.Children.Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToArray())
            .ToList();

    [Fact]
    public async Task The_team_trend_shows_the_median_and_T_of_the_mean_factors_by_month()
    {
        var page = await DashboardAsync("nora@north.test");

        // September: T 3 and 6; October: T 4.5 and 7. Means in October: C = R = I = 6.5, S = 3.5, so 19.5 / 3.5 = 5.6.
        Rows(page, "trend-heading").ShouldBe(
        [
            ["Sep 2026", "2", "4.5", "4.3", "6.5", "6.5", "6.5", "4.5"],
            ["Oct 2026", "2", "5.8", "5.6", "6.5", "6.5", "6.5", "3.5"],
        ]);
        page.QuerySelector(".method")!.TextContent.ShouldContain("A plain average of T is not shown");
        var chart = page.GetElementById("team-trend-chart")!;
        chart.GetAttribute("role").ShouldBe("img");
        // T's axis goes to 6: the medians 4.5 and 5.75 stand at a quarter and a twenty-fourth of the plot from its top.
        chart.QuerySelector("g[data-series='Median T'] .line")!.GetAttribute("d").ShouldBe("M0 250 L1000 41.7");
        chart.QuerySelector("g[data-series='T of the mean factors'] .line")!.GetAttribute("d").ShouldNotBeNullOrEmpty();
        chart.QuerySelectorAll(".date-tick").Select(t => t.TextContent).ShouldBe(["Sep 2026", "Oct 2026"]);
        page.QuerySelectorAll(".legend li").Select(li => li.TextContent.Trim()).ShouldContain("Median T");
    }

    [Fact]
    public async Task Each_advisor_has_their_figures_and_the_manager_is_not_counted_as_one()
    {
        var page = await DashboardAsync("nora@north.test");

        // Ada: states at the end 4.5 and 7 (median 5.75), at the start only Alder's 9. Bo: 6 and 2 at the end, 2 at the start.
        Rows(page, "advisors-heading").ShouldBe(
        [
            ["ada", "2", "2", "5.8", "-3.3", "6.5 · 6.5 · 6.5 · 3.5", "0", "20 Oct 2026", "no calendar connected", "none due", "0"],
            ["bo", "3", "1", "4.0", "+2.0", "6.0 · 6.0 · 6.0 · 5.0", "1", "10 Sep 2026", "no calendar connected", "none due", "0"],
        ]);
    }

    [Fact]
    public async Task The_advisor_table_sorts_by_a_column_and_back()
    {
        var byMedian = await DashboardAsync("nora@north.test", TeamHistories.Period + "&sort=median");
        var byMedianDown = await DashboardAsync("nora@north.test", TeamHistories.Period + "&sort=median&desc=true");

        Rows(byMedian, "advisors-heading").Select(r => r[0]).ShouldBe(["bo", "ada"]);
        Rows(byMedianDown, "advisors-heading").Select(r => r[0]).ShouldBe(["ada", "bo"]);
        byMedian.QuerySelector("th[aria-sort=ascending]")!.TextContent.Trim().ShouldBe("Median T");
    }

    [Fact]
    public async Task The_heatmap_marks_strengths_and_gaps_against_the_team()
    {
        var page = await DashboardAsync("nora@north.test");

        // Team means over four latest assessments: S = 4.25. Ada's 3.5 is 0.75 better; Bo's 5.0 is 0.75 worse.
        Rows(page, "heatmap-heading").ShouldBe(
        [
            ["ada", "6.5", "6.5", "6.5", "3.5 strong"],
            ["bo", "6.0", "6.0", "6.0", "5.0 gap"],
        ]);
        page.QuerySelector(".heatmap tfoot")!.TextContent.ShouldContain("4.3");
    }

    [Fact]
    public async Task Slipping_relationships_name_the_factor_that_drove_the_drop_and_link_to_the_history()
    {
        var page = await DashboardAsync("nora@north.test");

        var rows = Rows(page, "slipping-heading");
        rows.Count.ShouldBe(1);
        rows[0][0].ShouldStartWith("Alder Ltd");
        rows[0][3].ShouldStartWith("T fell from 9.0 to 4.5, because self-orientation rose from 2 to 4.");
        page.GetElementById("slipping-heading")!.ParentElement!.QuerySelector("tbody a")!.GetAttribute("href")
            .ShouldBe($"/Relationships/Details/{app.Alder.Id}");
    }

    [Fact]
    public async Task Relationships_not_scored_lately_come_longest_first()
    {
        var page = await DashboardAsync("nora@north.test");

        var rows = Rows(page, "stale-heading");
        rows.Select(r => r[0].Split(' ')[0] + " " + r[0].Split(' ')[1]).ShouldBe(["Elm Ltd", "Damson Ltd", "Cedar Ltd"]);
        rows[1][4].ShouldContain("Overdue");
        rows[2][4].ShouldNotContain("Overdue");
        page.GetElementById("stale-heading")!.ParentElement!.TextContent.ShouldContain("3 relationships are past the review date or not scored in 60 days");
    }

    [Fact]
    public async Task Moments_that_matter_are_the_largest_single_meeting_steps_in_the_period()
    {
        var page = await DashboardAsync("nora@north.test");

        var rows = Rows(page, "moments-heading");
        rows.Select(r => (r[0], r[1].Split(' ')[0], r[4])).ShouldBe(
        [
            ("20 Oct 2026", "Birch", "T rose from 3.0 to 7.0, mostly because self-orientation fell from 5 to 3."),
            ("10 Oct 2026", "Alder", "T fell from 9.0 to 4.5, because self-orientation rose from 2 to 4."),
        ]);
    }

    [Fact]
    public async Task Another_team_manager_sees_only_their_own_team()
    {
        var page = await DashboardAsync("sol@south.test");

        page.QuerySelector("h1")!.TextContent.ShouldStartWith("Team dashboard: South");
        page.QuerySelector("main")!.TextContent.ShouldNotContain("Alder");
        Rows(page, "slipping-heading").Single()[0].ShouldStartWith("Zulu Ltd");
        var south = await (await app.CreateClientAsync("nora@north.test")).GetAsync(new Uri($"/TeamDashboard?{TeamHistories.Period}&team={app.SouthId}", UriKind.Relative));
        south.StatusCode.ShouldBe(HttpStatusCode.NotFound, "a team she does not manage is not found, as any unknown team");
        (await south.Content.ReadAsStringAsync()).ShouldNotContain("Zulu");
    }

    [Fact]
    public async Task An_administrator_chooses_the_team_and_an_advisor_has_no_dashboard()
    {
        var page = await DashboardAsync(AppFixture.AdminEmail, $"{TeamHistories.Period}&team={app.NorthId}");
        Rows(page, "slipping-heading").Single()[0].ShouldStartWith("Alder Ltd");

        var unknown = await (await app.CreateClientAsync()).GetAsync(new Uri($"/TeamDashboard?team={Guid.NewGuid()}", UriKind.Relative));
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var advisor = await (await app.CreateClientAsync("ada@north.test")).GetAsync(new Uri("/TeamDashboard", UriKind.Relative));
        advisor.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Filters_narrow_every_table_to_an_advisor_a_stage_or_a_client()
    {
        var bo = await DashboardAsync("nora@north.test", $"{TeamHistories.Period}&advisor={app.Bo.Id}");
        Rows(bo, "advisors-heading").Select(r => r[0]).ShouldBe(["bo"]);
        Rows(bo, "trend-heading").Single()[1].ShouldBe("1");

        var maintain = await DashboardAsync("nora@north.test", $"{TeamHistories.Period}&stage=Maintain");
        Rows(maintain, "trend-heading").Single().ShouldBe(["Oct 2026", "1", "4.5", "4.5", "6.0", "6.0", "6.0", "4.0"]);

        var birch = await DashboardAsync("nora@north.test", $"{TeamHistories.Period}&client=BIRCH");
        Rows(birch, "moments-heading").Single()[1].ShouldStartWith("Birch Ltd");
        birch.GetElementById("slipping-heading")!.ParentElement!.TextContent.ShouldContain("No relationship's T is lower now");
    }

    [Fact]
    public async Task The_preset_periods_end_today()
    {
        var fourWeeks = await DashboardAsync("nora@north.test", "period=4w");
        var quarter = await DashboardAsync("nora@north.test", "period=quarter");
        var year = await DashboardAsync("nora@north.test", "period=year");

        fourWeeks.QuerySelector(".period-summary")!.TextContent.ShouldStartWith("26 Oct 2026 to 22 Nov 2026");
        fourWeeks.GetElementById("trend-heading")!.ParentElement!.TextContent.ShouldContain("No meetings were scored in this period.");
        quarter.QuerySelector(".period-summary")!.TextContent.ShouldStartWith("23 Aug 2026 to 22 Nov 2026");
        Rows(quarter, "trend-heading").Select(r => r[0]).ShouldBe(["Week of 31 Aug", "Week of 7 Sep", "Week of 5 Oct", "Week of 19 Oct"]);
        year.QuerySelector(".period-summary")!.TextContent.ShouldStartWith("23 Nov 2025 to 22 Nov 2026");
        Rows(year, "trend-heading").Select(r => r[0]).ShouldBe(["Jun 2026", "Aug 2026", "Sep 2026", "Oct 2026"]);
    }

    [Fact]
    public async Task The_csv_export_has_the_same_rows_and_only_the_managers_team()
    {
        var client = await app.CreateClientAsync("nora@north.test");

        var response = await client.GetAsync(new Uri($"/TeamDashboard?handler=Export&table=slipping&{TeamHistories.Period}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("trust-slipping-2026-09-01-to-2026-11-22.csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[1].ShouldBe("Alder Ltd,Priya Shah,ada,2026-08-15,9,2026-10-10,4.5,-4.5,Self-orientation,\"T fell from 9.0 to 4.5, because self-orientation rose from 2 to 4.\"");
        foreach (var table in new[] { "trend", "advisors", "stale", "moments" })
        {
            var csv = await client.GetStringAsync(new Uri($"/TeamDashboard?handler=Export&table={table}&{TeamHistories.Period}", UriKind.Relative));
            csv.ShouldNotContain("Zulu");
            csv.ShouldNotContain(",cy,");
        }

        (await client.GetAsync(new Uri("/TeamDashboard?handler=Export&table=users", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Text_that_a_spreadsheet_would_run_as_a_formula_is_exported_as_text()
    {
        var team = await app.CreateTeamAsync("Formula");
        var owner = await app.CreatePersonAsync($"f{Guid.NewGuid():N}@formula.test", UserRole.Advisor, team.Id);
        await app.CreatePersonAsync("fiona@formula.test", UserRole.Manager, team.Id);
        await app.AddRelationshipAsync("=HYPERLINK(\"http://evil.test\",\"Click\")", owner: owner);

        var csv = await (await app.CreateClientAsync("fiona@formula.test")).GetStringAsync(new Uri("/TeamDashboard?handler=Export&table=stale", UriKind.Relative));

        csv.Split("\r\n")[1].ShouldStartWith("\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"Click\"\")\",Priya Shah,");
    }

    [Theory]
    [InlineData("period=forever", "period-error", "Choose a period from the list.")]
    [InlineData("period=custom", "from-error", "Enter the first day of the custom period.")]
    [InlineData("period=custom&from=2026-11-01&to=2026-10-01", "to-error", "The last day must be on or after the first day.")]
    [InlineData("period=custom&from=2020-01-01&to=2026-11-22", "to-error", "A custom period can be at most five years.")]
    [InlineData("period=custom&from=2026-11-01&to=2026-12-25", "to-error", "The period cannot end after today.")]
    [InlineData("period=custom&from=1066-10-14&to=2026-11-22", "from-error", "The period cannot start before 1990.")]
    [InlineData("period=custom&from=yesterday&to=2026-11-22", "from-error", "From: 'yesterday' is not a valid value.")]
    [InlineData("by=fortnight", "by-error", "Group by week or by month.")]
    [InlineData("advisor=ada", "advisor-error", "Advisor: 'ada' is not a valid value.")]
    [InlineData("stage=Bogus", "stage-error", "Stage: 'Bogus' is not a valid value.")]
    [InlineData("staleDays=0", "staleDays-error", "Not scored in: enter a number of days from 1 to 3,650.")]
    [InlineData("staleDays=9999999999999", "staleDays-error", "Not scored in (days): '9999999999999' is not a valid value.")]
    [InlineData("client=%01bell", "client-error", "Client contains characters that cannot be stored (control characters).")]
    [InlineData("sort=password_hash", "", "Sort by one of the table's columns.")]
    public async Task A_filter_that_cannot_be_used_is_explained_and_the_default_view_shown(string query, string errorId, string message)
    {
        var client = await app.CreateClientAsync("nora@north.test");

        var response = await client.GetAsync(new Uri($"/TeamDashboard?{query}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        var shown = errorId.Length == 0 ? page.QuerySelector("main")!.TextContent : page.GetElementById(errorId)!.TextContent;
        shown.ShouldContain(message);
        page.QuerySelector(".form-alert")!.TextContent.ShouldContain("this shows the last quarter for the whole team");
        page.QuerySelector(".period-summary")!.TextContent.ShouldStartWith("23 Aug 2026 to 22 Nov 2026");
    }

    [Fact]
    public async Task A_very_long_client_filter_or_one_shaped_like_sql_changes_nothing_and_fails_nothing()
    {
        var client = await app.CreateClientAsync("nora@north.test");

        var longOne = await client.GetAsync(new Uri($"/TeamDashboard?client={new string('x', 201)}", UriKind.Relative));
        var sqlish = await client.GetPageAsync($"/TeamDashboard?{TeamHistories.Period}&client={Uri.EscapeDataString("' OR 1=1 --")}");
        var wildcard = await client.GetPageAsync($"/TeamDashboard?{TeamHistories.Period}&client=%25");

        (await HtmlForms.ParseAsync(longOne)).GetElementById("client-error")!.TextContent.ShouldBe("Client can be at most 200 characters; this one has 201.");
        Rows(sqlish, "advisors-heading").All(r => r[2] == "0").ShouldBeTrue();
        Rows(wildcard, "advisors-heading").All(r => r[2] == "0").ShouldBeTrue();
        (await app.CountAssessmentsAsync(app.Alder.Id)).ShouldBe(2);
    }
}
