using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Import;

/// <summary>Uploading a file to the import page as a browser does (multipart), and pressing its Import button.</summary>
internal static class ImportForms
{
    public const string RelationshipsHeader = "external_id,organisation,organisation_domain,contact_name,contact_email,contact_role,stage,owner_email,next_review";
    public const string AssessmentsHeader = "external_id,meeting_date,meeting_kind,credibility,reliability,intimacy,self_orientation,note";

    public static byte[] Utf8(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static async Task<HttpResponseMessage> UploadAsync(
        this HttpClient session, byte[] content, string fileName = "clients.csv", string kind = "Relationships", string dateFormat = "yyyy-MM-dd")
    {
        var (action, fields) = await session.ReadFormAsync("/Import", "form[action*=Preview]");
        fields["Kind"] = kind;
        fields["DateFormat"] = dateFormat;
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Where(f => f.Value is not null && f.Key != "Upload"))
        {
            form.Add(new StringContent(value!), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", fileName);
        return await session.PostAsync(new Uri(action, UriKind.Relative), form);
    }

    /// <summary>Uploads and reads the preview page.</summary>
    public static async Task<IHtmlDocument> PreviewAsync(this HttpClient session, byte[] content, string fileName = "clients.csv", string kind = "Relationships", string dateFormat = "yyyy-MM-dd")
    {
        var response = await session.UploadAsync(content, fileName, kind, dateFormat);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        return await HtmlForms.ParseAsync(response);
    }

    /// <summary>
    /// Presses the preview's Import button (the valid rows only, when some are refused) and follows the import job on its
    /// progress page until it is done: the page then says what was imported, or why nothing was.
    /// </summary>
    public static async Task<IHtmlDocument> ImportAsync(this HttpClient session, IHtmlDocument preview, bool validOnly = true)
    {
        var form = preview.QuerySelector<IHtmlFormElement>("form.import-form") ?? throw new InvalidOperationException("The preview offers no import.");
        var fields = HtmlForms.FieldsOf(form);
        if (!validOnly)
        {
            fields.Remove("validOnly");
        }

        var response = await session.PostFormAsync(form.GetAttribute("action")!, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await session.FinishedImportAsync(response.Location());
    }

    /// <summary>The progress page, read again until the import job has finished (it never stays unfinished, or this fails).</summary>
    public static async Task<IHtmlDocument> FinishedImportAsync(this HttpClient session, string progress)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var page = await session.GetPageAsync(progress);
            if (page.QuerySelector("[data-import-status]") is null)
            {
                return page;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The import at {progress} did not finish.");
    }

    public static string Outcome(this IHtmlDocument page) =>
        (page.QuerySelector("[data-testid=import-outcome]") ?? page.QuerySelector("[role=alert]"))?.TextContent.Trim() ?? "";

    public static string Totals(this IHtmlDocument preview) => preview.QuerySelector("[data-testid=import-totals]")?.TextContent.Trim() ?? "";

    /// <summary>"row 3, stage: 'Estabish' is not a stage…" for every refusal shown.</summary>
    public static List<string> Refusals(this IHtmlDocument preview) =>
        [.. preview.QuerySelectorAll("table.refused tbody tr").Select(tr => string.Join(", ", tr.Children.Select(c => c.TextContent.Trim())))];
}
