using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace TrustAdvisor.Web.Mail.Sending;

/// <summary>
/// Renders an email's HTML part from its Razor component (ASP.NET Core's <see cref="HtmlRenderer"/>), outside any
/// request. Each rendering has a service scope of its own: the renderer asks for scoped services, which the root
/// provider refuses where scopes are validated (Development), and which must not outlive the email.
/// </summary>
public sealed class MailRenderer(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync<TEmail>(IDictionary<string, object?> parameters)
        where TEmail : IComponent
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TEmail>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
