using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Fixtures;

/// <summary>The embedded default beside a calendar server on loopback which (alone of private hosts) it may read.</summary>
public sealed class SqliteCalendarApp : SqliteApp
{
    public CalendarServer Calendars { get; } = CalendarServer.Start();

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Calendar:AllowedPrivateHosts:0"] = Calendars.HostAndPort,
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Calendars.DisposeAsync();
    }
}
