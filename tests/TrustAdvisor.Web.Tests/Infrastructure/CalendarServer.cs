using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TrustAdvisor.Web.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback that serves calendars as Outlook and Google would (and as they would fail): each
/// path answers as a test sets it, and every request is counted with its conditional headers.
/// </summary>
public sealed class CalendarServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _answers = new(StringComparer.Ordinal);

    private CalendarServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, string? IfNoneMatch)> Requests { get; } = new();

    public Uri Address { get; private set; } = null!;

    /// <summary>host:port, for the app's list of private hosts it may read (none in a real installation).</summary>
    public string HostAndPort => $"{Address.Host}:{Address.Port}";

    public static CalendarServer Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new CalendarServer(builder.Build());
        server._app.Run(async context =>
        {
            server.Requests.Enqueue((context.Request.Path.Value ?? "", context.Request.Headers.IfNoneMatch.FirstOrDefault()));
            if (server._answers.TryGetValue(context.Request.Path.Value ?? "", out var answer))
            {
                await answer(context);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
        server._app.StartAsync().GetAwaiter().GetResult();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address);
        return server;
    }

    /// <summary>Serves the calendar at the path, with an ETag: a request that already has it gets 304.</summary>
    public Uri Serve(string path, string calendar, string etag = "\"v1\"")
    {
        _answers[path] = async context =>
        {
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.ContentType = "text/calendar; charset=utf-8";
            context.Response.Headers.ETag = etag;
            await context.Response.WriteAsync(calendar);
        };
        return new Uri(Address, path);
    }

    public Uri Answer(string path, Func<HttpContext, Task> answer)
    {
        _answers[path] = answer;
        return new Uri(Address, path);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
