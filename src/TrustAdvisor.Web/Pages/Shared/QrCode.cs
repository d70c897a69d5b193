using System.Globalization;
using System.Text;
using QRCoder;

namespace TrustAdvisor.Web.Pages.Shared;

/// <summary>
/// A QR code as inline SVG: one path of dark modules, with attributes only (no style attribute, no script), so it
/// keeps to the strict content security policy, and it scales sharply on any screen.
/// </summary>
public static class QrCode
{
    public static string Svg(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        var escapedLabel = System.Net.WebUtility.HtmlEncode(label);
        return $"""<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" aria-label="{escapedLabel}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>""";
    }
}
