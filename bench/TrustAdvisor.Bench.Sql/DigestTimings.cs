using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Hosting;
using TrustAdvisor.Web.Mail.Digests;
using TrustAdvisor.Web.Mail.Sending;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Bench.Sql;

/// <summary>
/// The weekly digest run, the app's own code (<see cref="ScheduledMailRun"/> with <see cref="DigestMail"/>), for every manager of the firm, on today as the
/// digest day: again and again for the given seconds (each run first removes the digests the one before stored), so
/// that the dashboard can be timed while it runs. Prints a JSON summary: runs, digests per run, first and median run.
///   --digests SECONDS --connection CS --today yyyy-MM-dd
/// </summary>
internal static class DigestTimings
{
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        var connectionString = DatabaseRegistration.TunePostgres(options["--connection"]);
        var today = DateOnly.ParseExact(options["--today"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var seconds = double.Parse(options["--digests"], CultureInfo.InvariantCulture);
        var mail = new MailOptions { DigestDay = today.DayOfWeek, DigestTime = new TimeOnly(0, 0), PublicUrl = new Uri("http://bench.invalid/") };
        var clock = new At(new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        var unsubscribe = new UnsubscribeLinks(new SignedTokens(DataProtectionProvider.Create("TrustAdvisor.Bench")));
        var mailOptions = Microsoft.Extensions.Options.Options.Create(mail);
        var scheduled = new ScheduledMailRun(
            new SystemContexts(() => Program.Context(connectionString, FixedViewerAccessor.System, null)), [new DigestMail(mailOptions, new MailRenderer(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance))], clock,
            new PublicAddress(mailOptions), unsubscribe);
        var runs = new List<double>();
        var digests = 0;
        var total = Stopwatch.StartNew();
        while (runs.Count == 0 || total.Elapsed.TotalSeconds < seconds)
        {
            await using (var db = Program.Context(connectionString, FixedViewerAccessor.System, null))
            {
                await db.OutboxMessages.Where(m => m.Kind == MailKind.WeeklyDigest).ExecuteDeleteAsync();
            }

            var run = Stopwatch.StartNew();
            digests = await scheduled.RunAsync(MailKind.WeeklyDigest, CancellationToken.None);
            runs.Add(run.Elapsed.TotalMilliseconds);
        }

        var sorted = runs.Order().ToList();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            runs = runs.Count,
            digests,
            first_ms = Math.Round(runs[0], 1),
            median_ms = Math.Round(sorted[sorted.Count / 2], 1),
        }));
        return 0;
    }
}
