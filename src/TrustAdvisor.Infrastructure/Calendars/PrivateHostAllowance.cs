using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TrustAdvisor.Infrastructure.Calendars;

/// <summary>
/// The hosts (host:port) on a private or loopback address the calendar reader may still connect to: those configured
/// (<see cref="CalendarOptions.AllowedPrivateHosts"/>), and, while demo data is on, the app's own address, which
/// serves the demo advisor's calendar.
/// </summary>
public sealed class PrivateHostAllowance(IOptions<CalendarOptions> options)
{
    private readonly ConcurrentDictionary<string, bool> _hosts = new(
        options.Value.AllowedPrivateHosts.Select(h => KeyValuePair.Create(h, true)), StringComparer.OrdinalIgnoreCase);

    public void Allow(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        _hosts.TryAdd($"{address.Host}:{address.Port}", true);
    }

    public bool Allows(string host, int port) => _hosts.ContainsKey($"{host}:{port}");
}
