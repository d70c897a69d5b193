using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace TrustAdvisor.Web.Tests.Infrastructure;

/// <summary>Fills in and posts a page's form as a browser would: every field it shows, with the anti-forgery token.</summary>
public static class HtmlForms
{
    public const string Token = "__RequestVerificationToken";

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, $"GET {url}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    /// <summary>The form's fields with their current values: what the browser would post if nothing was touched.</summary>
    public static Dictionary<string, string?> FieldsOf(IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string?>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "radio" or "checkbox":
                    if (input.IsChecked)
                    {
                        fields[input.Name!] = input.Value;
                    }

                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type != "submit":
                    fields[input.Name] = input.Value;
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields[select.Name] = select.Value;
                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name):
                    fields[textArea.Name] = textArea.Value;
                    break;
            }
        }

        return fields;
    }

    /// <summary>
    /// Opens <paramref name="url"/>, changes the named fields (a null value leaves the field out, as if it were missing)
    /// and posts the form. Returns the response to the post.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, string url, IReadOnlyDictionary<string, string?> changes, string formSelector = "form.form")
    {
        var page = await client.GetPageAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No {formSelector} on {url}.");
        var fields = FieldsOf(form);
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return await client.PostFormAsync(ActionOf(form, url), fields);
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IReadOnlyDictionary<string, string?> fields)
    {
        var content = new FormUrlEncodedContent(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)));
        return client.PostAsync(new Uri(url, UriKind.RelativeOrAbsolute), content);
    }

    /// <summary>The fields a form would post, for tests that post the same form twice or tamper with it.</summary>
    public static async Task<(string Action, Dictionary<string, string?> Fields)> ReadFormAsync(
        this HttpClient client, string url, string formSelector = "form.form")
    {
        var page = await client.GetPageAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No {formSelector} on {url}.");
        return (ActionOf(form, url), FieldsOf(form));
    }

    public static string? FieldError(this IHtmlDocument page, string field) =>
        page.GetElementById($"{field}-error")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    public static string Location(this HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}.");

    private static string ActionOf(IHtmlFormElement form, string url)
    {
        var action = form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? url : action;
    }
}
