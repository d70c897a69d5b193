using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace TrustAdvisor.Web.Mail.Sending;

/// <summary>Renders an email's HTML part from its Razor component (ASP.NET Core's <see cref="HtmlRenderer"/>), outside any request.</summary>
public sealed class MailRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync<TEmail>(IDictionary<string, object?> parameters)
        where TEmail : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TEmail>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
