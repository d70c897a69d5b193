using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TrustAdvisor.Web.Hosting;

/// <summary>
/// Behind a reverse proxy (nginx, a load balancer) the connection comes from the proxy, so the client's address and
/// scheme come from its X-Forwarded-For and X-Forwarded-Proto headers: the sign-in rate limit counts per visitor, the
/// audit log records the visitor, and HSTS and secure cookies follow the visitor's HTTPS. The headers are believed
/// only from the proxies named in <c>ReverseProxy:TrustedProxies</c> (addresses) and from loopback, and only for one
/// hop, so a visitor cannot pose as another address by sending the header themselves.
/// </summary>
internal static class ReverseProxy
{
    public const string TrustedProxiesSetting = "ReverseProxy:TrustedProxies";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        // Read at start, so a mistyped address stops the app with a message instead of failing requests later.
        var trusted = (configuration.GetSection(TrustedProxiesSetting).Get<string[]>() ?? [])
            .Select(address => IPAddress.TryParse(address, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{TrustedProxiesSetting} holds '{address}', which is not an IP address."))
            .ToList();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            foreach (var proxy in trusted)
            {
                options.KnownProxies.Add(proxy);
            }
        });
    }
}
