using System.Net;
using System.Net.Sockets;

namespace TrustAdvisor.Infrastructure.Calendars;

/// <summary>A calendar address (or a redirect from it) that leads into a private network: refused, never connected to.</summary>
public sealed class PrivateAddressException(string host) : Exception($"{host} is a private address.");

/// <summary>
/// Connects the calendar reader only to public addresses: every connection, a redirect's too, resolves the host and
/// refuses loopback, private, link-local (cloud metadata), carrier-grade NAT, unique-local, multicast and unspecified
/// addresses, so that a calendar address cannot be used to reach hosts inside the firm's network.
/// </summary>
public static class PrivateAddressGuard
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, PrivateHostAllowance allowance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(allowance);
        var endPoint = context.DnsEndPoint;
        var allowed = allowance.Allows(endPoint.Host, endPoint.Port);
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
        var usable = addresses.Where(a => allowed || IsPublic(a)).ToArray();
        if (usable.Length == 0)
        {
            throw new PrivateAddressException(endPoint.Host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.None))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || b[0] >= 224 // private, "this network", multicast and reserved
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254) // link-local, where cloud metadata lives
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)); // carrier-grade NAT
        }

        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
    }
}
