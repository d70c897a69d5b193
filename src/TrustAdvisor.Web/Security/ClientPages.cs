using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// The client's pulse pages (the Pulses folder), open without an account (<see cref="AnonymousPages"/>). They are
/// rate-limited per address with this policy (a link has no account to lock), leak nothing through the Referer
/// header, and ask search engines not to index them (SecurityHeaders reads the marker).
/// </summary>
internal static class ClientPages
{
    public const string Folder = "/Pulses";
    public const string Policy = "client-pages";

    public static IServiceCollection AddClientPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PulseOptions>().Bind(configuration.GetSection(PulseOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.ReminderAfterDays < o.LinkValidDays, "Pulse:ReminderAfterDays must be less than Pulse:LinkValidDays: a reminder's link must still work.")
            .ValidateOnStart();
        var perMinute = configuration.GetSection(PulseOptions.Section).Get<PulseOptions>()?.RequestsPerMinute ?? new PulseOptions().RequestsPerMinute;
        return services.AddRateLimiter(options => options.AddPolicy(Policy, context =>
            RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
    }

    public static void Add(PageConventionCollection conventions)
    {
        conventions.AddFolderApplicationModelConvention(Folder, page => page.EndpointMetadata.Add(Marker.Instance));
    }

    public static bool IsClientPage(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null;

    internal sealed class Marker
    {
        public static Marker Instance { get; } = new();
    }
}
