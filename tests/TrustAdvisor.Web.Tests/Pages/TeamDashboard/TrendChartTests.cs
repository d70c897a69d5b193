using TrustAdvisor.Infrastructure.Reporting;
using TrustAdvisor.Web.Pages.TeamDashboard;

namespace TrustAdvisor.Web.Tests.Pages.TeamDashboard;

/// <summary>The team trend as the server draws it: where the lines run, where they break, and what the axes say.</summary>
public class TrendChartTests
{
    private static readonly DateOnly FirstWeek = new(2026, 9, 7);

    private static TrendPoint Week(int index, double medianTrust, double c = 6, double r = 6, double i = 6, double s = 3) =>
        new(FirstWeek.AddDays(7 * index), $"Week {index}", 4, medianTrust, c, r, i, s);

    [Theory]
    [InlineData(0, 5)]
    [InlineData(3.2, 5)]
    [InlineData(5.75, 6)]
    [InlineData(9, 10)]
    [InlineData(11.5, 12)]
    [InlineData(23, 25)]
    [InlineData(30, 30)]
    public void T_s_axis_reaches_the_highest_value_rounded_up_to_a_gridline_and_never_stops_below_five(double highest, double top) =>
        TrendChart.TrustTop([1, highest]).ShouldBe(top);

    [Fact]
    public void The_lines_run_from_the_left_edge_to_the_right_with_T_on_its_axis_and_the_factors_on_one_to_ten()
    {
        var chart = TrendChart.For([Week(0, 4, c: 5), Week(1, 8, c: 10)], [], byMonth: false);

        // Highest T shown: 8 against T of the mean factors 18 / 3 = 6 and 22 / 3 = 7.3, so the axis goes to 8.
        var median = chart.Lines.Single(l => l.Label == "Median T");
        median.Path.ShouldBe("M0 500 L1000 0");
        median.Points.ShouldBe("M0 500h0 M1000 0h0");
        chart.Lines.Single(l => l.Label == "Credibility").Path.ShouldBe("M0 500 L1000 0");
        chart.Lines.Where(l => l.IsFactor).Select(l => l.Label).ShouldBe(["Credibility", "Reliability", "Intimacy", "Self-orientation"]);
        chart.Lines.ShouldNotContain(l => l.Label == "Clients' median T", "no client answered in the period");
        chart.TrustTicks.Select(t => t.Label).ShouldBe(["0", "2", "4", "6", "8"], "gridlines two apart: one apart would be nine");
        chart.TrustTicks[^1].At.ShouldBe("4%");
        chart.TrustTicks[0].At.ShouldBe("86%");
        chart.FactorTicks.Select(t => t.Label).ShouldBe(["0", "2", "4", "6", "8", "10"]);
    }

    [Fact]
    public void The_clients_line_breaks_over_a_week_without_answers_instead_of_joining_across_it()
    {
        var weeks = new[] { Week(0, 5), Week(1, 5), Week(2, 5), Week(3, 5) };
        var chart = TrendChart.For(weeks, [Week(0, 10), Week(2, 10), Week(3, 10)], byMonth: false);

        var client = chart.Lines.Single(l => l.Label == "Clients' median T");
        client.Path.ShouldBe("M0 0 M666.7 0 L1000 0");
        client.Points.Count(c => c == 'M').ShouldBe(3, "a dot for each week with answers");
    }

    [Fact]
    public void One_week_is_a_point_in_the_middle()
    {
        var chart = TrendChart.For([Week(0, 6)], [], byMonth: false);

        chart.Lines.Single(l => l.Label == "Median T").Points.ShouldBe("M500 0h0");
        chart.Dates.Single().Label.ShouldBe("7 Sep");
        chart.Dates.Single().At.ShouldBe("50%");
    }

    [Fact]
    public void A_year_of_weeks_shows_five_dates_evenly_from_the_first_to_the_last()
    {
        var weeks = Enumerable.Range(0, 53).Select(i => Week(i, 5)).ToList();

        var dates = TrendChart.For(weeks, [], byMonth: false).Dates;

        dates.Select(d => d.Label).ShouldBe(["7 Sep", "7 Dec", "8 Mar", "7 Jun", "6 Sep"]);
        dates[0].At.ShouldBe("7%");
        dates[^1].At.ShouldBe("93%");
    }

    [Fact]
    public void Months_are_named_with_their_year()
    {
        var months = new[] { new TrendPoint(new DateOnly(2026, 9, 1), "Sep 2026", 3, 5, 6, 6, 6, 3), new TrendPoint(new DateOnly(2026, 10, 1), "Oct 2026", 3, 5, 6, 6, 6, 3) };

        TrendChart.For(months, [], byMonth: true).Dates.Select(d => d.Label).ShouldBe(["Sep 2026", "Oct 2026"]);
    }
}
