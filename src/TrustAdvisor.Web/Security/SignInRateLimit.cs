using System.Threading.RateLimiting;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// Sign-in attempts per client address and minute, on top of the per-account lockout: lockout stops guessing one
/// person's password, this stops trying one password on many accounts from one place. Behind a reverse proxy the
/// client address must come from forwarded headers, or every visitor shares the proxy's limit.
/// </summary>
internal static class SignInRateLimit
{
    public const string Policy = "sign-in";
    public const string AttemptsPerMinuteSetting = "Security:SignInAttemptsPerMinute";
    public const int DefaultAttemptsPerMinute = 10;

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue(AttemptsPerMinuteSetting, DefaultAttemptsPerMinute);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(string.Empty));
        });
    }
}
