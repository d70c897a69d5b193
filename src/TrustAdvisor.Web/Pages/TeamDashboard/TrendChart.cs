using System.Globalization;
using System.Text;
using TrustAdvisor.Infrastructure.Reporting;

namespace TrustAdvisor.Web.Pages.TeamDashboard;

/// <summary>
/// The team trend drawn as SVG on the server: T on the left axis, the four mean factors on the right (1–10), one point
/// a week or month. No script draws it, so the dashboard is whole at its first paint (ADR 17).
/// The lines are drawn in a plot box of <see cref="Plot"/> units a side that the page stretches to its width; the axes'
/// labels are placed in percentages of the whole figure, so text keeps its size on a phone and on a wide screen.
/// </summary>
public sealed class TrendChart
{
    public const int Plot = 1000;
    public const double LeftPercent = 7;
    public const double RightPercent = 93;
    public const double TopPercent = 4;
    public const double BottomPercent = 86;
    private const int MostDates = 5;
    private static readonly double[] TrustSteps = [1, 2, 5, 10];

    private TrendChart(IReadOnlyList<ChartLine> lines, IReadOnlyList<AxisTick> trustTicks, IReadOnlyList<AxisTick> factorTicks, IReadOnlyList<AxisTick> dates)
    {
        Lines = lines;
        TrustTicks = trustTicks;
        FactorTicks = factorTicks;
        Dates = dates;
    }

    /// <summary>Where the plot box stands in the figure, for the SVG element that holds the lines.</summary>
    public static string PlotX => Percent(LeftPercent);

    public static string PlotY => Percent(TopPercent);

    public static string PlotWidth => Percent(RightPercent - LeftPercent);

    public static string PlotHeight => Percent(BottomPercent - TopPercent);

    /// <summary>Where T's labels end (left of the plot) and the factors' begin (right of it).</summary>
    public static string TrustTickX => Percent(LeftPercent - 1);

    public static string FactorTickX => Percent(RightPercent + 1);

    public static string RightX => Percent(RightPercent);

    public IReadOnlyList<ChartLine> Lines { get; }

    /// <summary>T's axis, at its height (a percentage of the figure from the top).</summary>
    public IReadOnlyList<AxisTick> TrustTicks { get; }

    public IReadOnlyList<AxisTick> FactorTicks { get; }

    /// <summary>The dates under the plot, at most five, spread evenly, the first and the last among them.</summary>
    public IReadOnlyList<AxisTick> Dates { get; }

    public static TrendChart For(IReadOnlyList<TrendPoint> trend, IReadOnlyList<TrendPoint> clientTrend, bool byMonth)
    {
        ArgumentNullException.ThrowIfNull(trend);
        ArgumentNullException.ThrowIfNull(clientTrend);
        var client = trend.Select(p => clientTrend.FirstOrDefault(c => c.Start == p.Start)?.MedianTrust).ToList();
        var trustTop = TrustTop(trend.SelectMany(p => new[] { p.MedianTrust, p.TrustOfMeans }).Concat(client.OfType<double>()));

        var lines = new List<ChartLine>
        {
            Line("Median T", "t-median", trend.Select(p => (double?)p.MedianTrust), trustTop, isFactor: false),
            Line("T of the mean factors", "t-means", trend.Select(p => (double?)p.TrustOfMeans), trustTop, isFactor: false),
        };
        if (client.Any(v => v is not null))
        {
            lines.Add(Line("Clients' median T", "t-client", client, trustTop, isFactor: false));
        }

        lines.Add(Line("Credibility", "f-credibility", trend.Select(p => (double?)p.MeanCredibility), 10, isFactor: true));
        lines.Add(Line("Reliability", "f-reliability", trend.Select(p => (double?)p.MeanReliability), 10, isFactor: true));
        lines.Add(Line("Intimacy", "f-intimacy", trend.Select(p => (double?)p.MeanIntimacy), 10, isFactor: true));
        lines.Add(Line("Self-orientation", "f-self", trend.Select(p => (double?)p.MeanSelfOrientation), 10, isFactor: true));

        var step = TrustStep(trustTop);
        var trustTicks = Enumerable.Range(0, (int)Math.Round(trustTop / step) + 1)
            .Select(i => new AxisTick(Height(i * step, trustTop), Format(i * step)))
            .ToList();
        var factorTicks = Enumerable.Range(0, 6).Select(i => new AxisTick(Height(i * 2, 10), Format(i * 2))).ToList();
        return new TrendChart(lines, trustTicks, factorTicks, DateTicks(trend, byMonth));
    }

    /// <summary>The top of T's axis: the highest value shown, rounded up to a whole step, and never below 5.</summary>
    public static double TrustTop(IEnumerable<double> values)
    {
        var highest = values.DefaultIfEmpty(0).Max();
        var step = TrustStep(Math.Max(highest, 5));
        return Math.Max(Math.Ceiling(highest / step) * step, 5);
    }

    /// <summary>1, 2, 5 or 10 between T's gridlines: the smallest that keeps the axis to six lines or fewer.</summary>
    private static double TrustStep(double top) => TrustSteps.First(step => top / step <= 6 || step == TrustSteps[^1]);

    private static ChartLine Line(string label, string cssClass, IEnumerable<double?> values, double top, bool isFactor)
    {
        var list = values.ToList();
        var path = new StringBuilder();
        var points = new StringBuilder();
        var joined = false;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not { } value)
            {
                joined = false;
                continue;
            }

            var x = X(i, list.Count);
            var y = (1 - (value / top)) * Plot;
            path.Append(CultureInfo.InvariantCulture, $"{(joined ? 'L' : 'M')}{x:0.#} {y:0.#} ");
            points.Append(CultureInfo.InvariantCulture, $"M{x:0.#} {y:0.#}h0 ");
            joined = true;
        }

        return new ChartLine(label, cssClass, path.ToString().TrimEnd(), points.ToString().TrimEnd(), isFactor);
    }

    private static double X(int index, int count) => count == 1 ? Plot / 2d : index * (double)Plot / (count - 1);

    private static string Height(double value, double top) =>
        Percent(TopPercent + ((1 - (value / top)) * (BottomPercent - TopPercent)));

    private static List<AxisTick> DateTicks(IReadOnlyList<TrendPoint> trend, bool byMonth)
    {
        if (trend.Count == 0)
        {
            return [];
        }

        var shown = Math.Min(trend.Count, MostDates);
        var indexes = shown == 1 ? [0] : Enumerable.Range(0, shown).Select(i => (int)Math.Round(i * (trend.Count - 1) / (double)(shown - 1))).Distinct();
        return indexes.Select(i => new AxisTick(
            Percent(LeftPercent + (X(i, trend.Count) / Plot * (RightPercent - LeftPercent))),
            trend[i].Start.ToString(byMonth ? "MMM yyyy" : "d MMM", CultureInfo.InvariantCulture))).ToList();
    }

    private static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>
/// One line of the chart: <see cref="Path"/> joins its points (a gap where a week has no value), <see cref="Points"/>
/// marks each one (a stroke of no length, which a round cap draws as a dot of the same size at any width).
/// </summary>
public sealed record ChartLine(string Label, string CssClass, string Path, string Points, bool IsFactor);

/// <summary>A label on an axis and where it stands, as a percentage of the figure's height or width.</summary>
public sealed record AxisTick(string At, string Label);
