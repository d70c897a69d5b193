using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Web.CalendarReading;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Calendars;

/// <summary>A calendar's address is its secret: reading it, with every log category at its most talkative, logs only its host.</summary>
public class CalendarReaderLoggingTests
{
    [Fact]
    public async Task Reading_a_calendar_writes_its_secret_path_into_no_log_line()
    {
        await using var server = CalendarServer.Start();
        var address = server.Serve("/calendar/ical/jane/private-5ecre7/basic.ics", Ics.Calendar());
        var logs = new CapturedLogs();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Calendar:AllowedPrivateHosts:0"] = server.HostAndPort })
            .Build();
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddCalendarReading(configuration);
        await using var provider = services.BuildServiceProvider();

        var read = await provider.GetRequiredService<CalendarReader>().ReadAsync(address, null, null, TestContext.Current.CancellationToken);

        read.Text.ShouldNotBeNull();
        logs.Lines.ShouldNotBeEmpty("the resilience pipeline logs each attempt");
        logs.Lines.ShouldAllBe(line => !line.Contains("private-5ecre7", StringComparison.Ordinal));
    }
}
