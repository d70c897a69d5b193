using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Bench.Sql;

/// <summary>
/// One polling cycle of many advisors' calendars, read by the running app: this process serves each advisor a calendar
/// of --events events over a year (a third with one of their own contacts) on loopback, connects them (sealed with the
/// app's own Data Protection keys, kept in the database), and times how long the app takes to read them all. Writes
/// --started-file when the first calendar has been read (the bench times the dashboard then), and prints the figures as
/// JSON. Puts everything back as it was: the connections, the meetings found and the contacts' addresses it gave.
/// </summary>
internal static class CalendarTimings
{
    private const string ContactDomain = "bench-client.example";

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        var connectionString = DatabaseRegistration.TunePostgres(options["--connection"]);
        var count = int.Parse(options["--calendars"], CultureInfo.InvariantCulture);
        var events = int.Parse(options["--events"], CultureInfo.InvariantCulture);
        var port = int.Parse(options["--calendar-port"], CultureInfo.InvariantCulture);
        var startedFile = options["--started-file"];
        var now = DateTime.UtcNow;

        await using var db = Program.Context(connectionString, FixedViewerAccessor.System, null);
        await db.Database.ExecuteSqlRawAsync($"UPDATE contacts SET email = 'c' || replace(id::text, '-', '') || '@{ContactDomain}' WHERE email IS NULL");
        var advisors = await db.Users.Where(u => u.Role == UserRole.Advisor && u.IsActive).OrderBy(u => u.Email).Take(count).Select(u => u.Id).ToListAsync();
        var contactsOf = (await db.Relationships.IgnoreQueryFilters().Where(r => r.OwnerId != null && advisors.Contains(r.OwnerId.Value) && r.ArchivedAt == null)
            .Select(r => new { Owner = r.OwnerId!.Value, Email = r.Contact.Email! }).ToListAsync()).ToLookup(x => x.Owner, x => x.Email);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        await using var server = builder.Build();
        server.MapGet("/calendars/{index:int}.ics", (int index) => index < 0 || index >= advisors.Count
            ? Results.NotFound()
            : Results.Text(Calendar(index, contactsOf[advisors[index]].ToList(), events, now), "text/calendar; charset=utf-8"));
        await server.StartAsync();

        var services = new ServiceCollection();
        services.AddScoped<TrustAdvisorDbContext>(_ => Program.Context(connectionString, FixedViewerAccessor.System, null));
        services.AddDataProtection().SetApplicationName("TrustAdvisor").PersistKeysToDbContext<TrustAdvisorDbContext>();
        await using var provider = services.BuildServiceProvider();
        var addresses = new CalendarAddresses(provider.GetRequiredService<IDataProtectionProvider>());
        await db.CalendarMeetings.Where(m => advisors.Contains(m.UserId)).ExecuteDeleteAsync();
        await db.CalendarConnections.Where(c => advisors.Contains(c.UserId)).ExecuteDeleteAsync();
        db.CalendarConnections.AddRange(advisors.Select((id, index) => new CalendarConnection
        {
            UserId = id,
            SealedAddress = addresses.Seal(new Uri($"http://127.0.0.1:{port}/calendars/{index}.ics")),
            Host = "127.0.0.1",
            ConnectedAt = now,
            NextReadAt = now,
            PromptsOn = false,
        }));
        await db.SaveChangesAsync();

        var connected = Stopwatch.StartNew();
        TimeSpan? firstRead = null;
        var read = 0;
        while (read < advisors.Count && connected.Elapsed < TimeSpan.FromMinutes(20))
        {
            await Task.Delay(250);
            read = await db.CalendarConnections.CountAsync(c => advisors.Contains(c.UserId) && c.LastReadAt != null);
            if (read > 0 && firstRead is null)
            {
                firstRead = connected.Elapsed;
                await File.WriteAllTextAsync(startedFile, "reading");
            }
        }

        var allRead = connected.Elapsed;
        var failed = await db.CalendarConnections.CountAsync(c => advisors.Contains(c.UserId) && c.LastError != null);
        var meetings = await db.CalendarMeetings.CountAsync(m => advisors.Contains(m.UserId));
        await server.StopAsync();
        await db.CalendarMeetings.Where(m => advisors.Contains(m.UserId)).ExecuteDeleteAsync();
        await db.CalendarConnections.Where(c => advisors.Contains(c.UserId)).ExecuteDeleteAsync();
        await db.Database.ExecuteSqlRawAsync($"UPDATE contacts SET email = NULL WHERE email LIKE '%@{ContactDomain}'");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            calendars = advisors.Count,
            events_each = events,
            read,
            failed,
            client_meetings_found = meetings,
            first_read_after_s = Math.Round((firstRead ?? allRead).TotalSeconds, 1),
            cycle_s = Math.Round((allRead - (firstRead ?? TimeSpan.Zero)).TotalSeconds, 1),
        }));
        return read == advisors.Count && failed == 0 ? 0 : 1;
    }

    /// <summary>An advisor's year of meetings, one every few hours, a third with one of their contacts; the same for a given day.</summary>
    private static string Calendar(int advisor, List<string> contacts, int events, DateTime now)
    {
        var text = new StringBuilder(events * 260).Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//TrustAdvisor bench//EN\r\n");
        var start = now.Date.AddDays(-300);
        var step = TimeSpan.FromDays(365.0 / events);
        for (var i = 0; i < events; i++)
        {
            var at = start + (step * i);
            var guest = i % 3 == 0 && contacts.Count > 0 ? contacts[i / 3 % contacts.Count] : $"colleague{i % 17}@firm.example";
            text.Append("BEGIN:VEVENT\r\nUID:bench-").Append(advisor).Append('-').Append(i).Append("\r\nDTSTAMP:").Append(Ics(start))
                .Append("\r\nDTSTART:").Append(Ics(at)).Append("\r\nDTEND:").Append(Ics(at.AddHours(1)))
                .Append("\r\nSUMMARY:Meeting ").Append(i).Append("\r\nLOCATION:").Append(i % 2 == 0 ? "Their office" : "https://teams.microsoft.com/l/meetup-join/x")
                .Append("\r\nATTENDEE:mailto:advisor").Append(advisor).Append("@firm.example\r\nATTENDEE:mailto:").Append(guest).Append("\r\nEND:VEVENT\r\n");
        }

        return text.Append("END:VCALENDAR\r\n").ToString();
    }

    private static string Ics(DateTime at) => at.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
