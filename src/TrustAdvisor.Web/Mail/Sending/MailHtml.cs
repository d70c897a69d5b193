using System.Text.Encodings.Web;

namespace TrustAdvisor.Web.Mail.Sending;

/// <summary>
/// The HTML part every email shares: one narrow column that reads on a phone, inline styles only (mail clients drop
/// style sheets), and links as large buttons.
/// </summary>
internal static class MailHtml
{
    public static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{HtmlEncoder.Default.Encode(title)}</title></head>
        <body style="margin:0;padding:16px;background:#f7f7f5;color:#1c1f23;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.45">
        <div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:16px 20px">
        <p style="font-weight:700;margin:0 0 12px">TrustAdvisor</p>
        {body}
        </div></body></html>
        """;

    public static string Button(Uri link, string text)
    {
        ArgumentNullException.ThrowIfNull(link);
        return $"""<p><a href="{HtmlEncoder.Default.Encode(link.AbsoluteUri)}" style="display:inline-block;padding:12px 18px;background:#1f5fa8;color:#ffffff;border-radius:8px;text-decoration:none;font-weight:600">{HtmlEncoder.Default.Encode(text)}</a></p>""";
    }
}
