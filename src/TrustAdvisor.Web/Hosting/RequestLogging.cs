using System.Diagnostics;

namespace TrustAdvisor.Web.Hosting;

/// <summary>One log line per request (Serilog.AspNetCore, which would do this, cannot be restored here).</summary>
internal sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogRequest(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, elapsed, context.TraceIdentifier);
        }
    }

    // The request id is the reference an error page shows, so a person's report leads to this line.
    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms ({RequestId})")]
    private static partial void LogRequest(ILogger logger, string method, PathString path, int statusCode, double elapsedMs, string requestId);
}
