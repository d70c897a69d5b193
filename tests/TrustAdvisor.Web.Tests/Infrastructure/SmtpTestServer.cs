using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace TrustAdvisor.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (the SmtpServer library) on a free loopback port: the app delivers to it over SMTP and the tests
/// read what it received. It can be stopped and started again on the same port (the server is down, then back), and
/// told to refuse an address for good (550, as a server does for a mailbox that does not exist).
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource? _running;
    private Task? _serving;

    public SmtpTestServer() => Port = FreePort();

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Received => _received;

    public void Refuse(string address) => _refused[address] = true;

    public IEnumerable<MimeMessage> To(string address) =>
        _received.Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)));

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(_received));
        services.Add(new Filter(_refused));
        _running = new CancellationTokenSource();
        _serving = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
        for (var i = 0; i < 100 && !await AcceptsAsync(); i++)
        {
            await Task.Delay(20);
        }
    }

    public async Task StopAsync()
    {
        if (_running is null)
        {
            return;
        }

        await _running.CancelAsync();
        try
        {
            await _serving!;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        _running.Dispose();
        _running = null;
    }

    /// <summary>Waits until <paramref name="count"/> messages to the address have arrived (the sender runs in the background).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1)
    {
        for (var i = 0; i < 200 && To(address).Count() < count; i++)
        {
            await Task.Delay(50);
        }

        return To(address).ToList();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(ConcurrentDictionary<string, bool> refused) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!refused.ContainsKey($"{to.User}@{to.Host}"));
    }
}
