using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Fixtures;

/// <summary>
/// The app on PostgreSQL, mailing through the tests' SMTP server, beside a calendar server on loopback which (alone of
/// private hosts) it may read.
/// </summary>
public sealed class CalendarApp : MailApp
{
    public CalendarServer Calendars { get; } = CalendarServer.Start();

    public override IReadOnlyDictionary<string, string> MailSettings => new Dictionary<string, string>(base.MailSettings)
    {
        ["Calendar:AllowedPrivateHosts:0"] = Calendars.HostAndPort,
        ["Calendar:TimeoutSeconds"] = "1",
        ["Calendar:MaxMegabytes"] = "1",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Calendars.DisposeAsync();
    }
}
