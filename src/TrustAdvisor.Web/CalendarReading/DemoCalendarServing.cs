using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Infrastructure.DemoData;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.CalendarReading;

/// <summary>
/// While demo data is on, the app serves the demo advisor's calendar (<see cref="DemoCalendar"/>) and, once it listens,
/// connects the demo advisor to it at its own address and reads it at once, so that a newcomer signing in as the demo
/// advisor sees meetings to score. The calendar is read like any other; only the app's own address is let through the
/// reader's guard against private addresses.
/// </summary>
internal static partial class DemoCalendarServing
{
    public static void MapDemoCalendar(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<DatabaseOptions>().DemoData)
        {
            return;
        }

        app.MapGet(DemoCalendar.Path, async (TrustAdvisorDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
            Results.Text(await DemoCalendar.ForAsync(db, time.UtcNow(), cancellationToken), "text/calendar; charset=utf-8"))
            .AllowAnonymous();
    }

    /// <summary>After the server has started (its addresses known): connect the demo advisor to the app's own address.</summary>
    internal sealed partial class Connector(
        IServer server, IServiceScopeFactory scopes, PrivateHostAllowance allowance, TimeProvider time, ILogger<Connector> logger) : IHostedLifecycleService
    {
        public async Task StartedAsync(CancellationToken cancellationToken)
        {
            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
            if (listening is null || !Uri.TryCreate(listening.Replace("://+", "://localhost", StringComparison.Ordinal)
                    .Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                    .Replace("://[::]", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var own))
            {
                return; // not on a port of its own (the tests' in-memory server), or on https alone
            }

            var address = new Uri(own, DemoCalendar.Path);
            allowance.Allow(address);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await ConnectAsync(scope.ServiceProvider, address, cancellationToken))
                {
                    await scope.ServiceProvider.GetRequiredService<MailScheduler>().TriggerAsync(ReadCalendarsJob.Key, cancellationToken);
                }
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                LogNotConnected(logger, e.GetType().Name);
            }
        }

        private async Task<bool> ConnectAsync(IServiceProvider services, Uri address, CancellationToken cancellationToken)
        {
            var db = services.GetRequiredService<TrustAdvisorDbContext>();
            var addresses = services.GetRequiredService<CalendarAddresses>();
            var advisor = await db.Users.Where(u => u.Email == DemoCalendar.AdvisorEmail && u.IsActive).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
            if (advisor is not { } advisorId)
            {
                return false;
            }

            var now = time.UtcNow();
            var connection = await db.CalendarConnections.FirstOrDefaultAsync(c => c.UserId == advisorId, cancellationToken);
            if (connection is null)
            {
                connection = new CalendarConnection { UserId = advisorId, ConnectedAt = now };
                db.CalendarConnections.Add(connection);
            }
            else if (!IsDemoCalendarElsewhere(addresses, connection, address))
            {
                return true; // already this address, or a calendar the person connected themselves
            }

            connection.ReadFrom(addresses.Seal(address), address, now);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        /// <summary>The demo calendar at the address of an earlier start (another port): moved to this one.</summary>
        private static bool IsDemoCalendarElsewhere(CalendarAddresses addresses, CalendarConnection connection, Uri address)
        {
            try
            {
                var current = addresses.Unseal(connection.SealedAddress);
                return current.AbsolutePath == DemoCalendar.Path && current != address;
            }
            catch (CryptographicException)
            {
                return false;
            }
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "The demo advisor's calendar could not be connected ({Reason}); connect it on Your settings")]
        private static partial void LogNotConnected(ILogger logger, string reason);
    }
}
