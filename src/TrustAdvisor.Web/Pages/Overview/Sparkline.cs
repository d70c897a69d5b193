using System.Globalization;

namespace TrustAdvisor.Web.Pages.Overview;

/// <summary>A small trend line of recent T values, drawn as SVG on the server (no script, nothing to load).</summary>
public static class Sparkline
{
    public const int Width = 84;
    public const int Height = 24;
    private const double Padding = 2;

    /// <summary>The polyline's points, oldest on the left, scaled from 0 to the highest value shown.</summary>
    public static string Points(IReadOnlyList<double> oldestFirst)
    {
        ArgumentNullException.ThrowIfNull(oldestFirst);
        if (oldestFirst.Count < 2)
        {
            return "";
        }

        var top = Math.Max(oldestFirst.Max(), 1);
        var step = (Width - (2 * Padding)) / (oldestFirst.Count - 1);
        return string.Join(' ', oldestFirst.Select((value, index) =>
        {
            var x = Padding + (index * step);
            var y = Height - Padding - (value / top * (Height - (2 * Padding)));
            return string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");
        }));
    }
}
