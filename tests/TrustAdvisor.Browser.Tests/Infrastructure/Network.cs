using System.Net;
using System.Net.Sockets;

namespace TrustAdvisor.Browser.Tests.Infrastructure;

/// <summary>
/// The network between the browser and the app: a TCP relay on loopback that a test can cut, as a lift or a car park
/// does. Cutting drops every open connection and refuses new ones, for the pages and the service worker alike
/// (Playwright's offline mode does not reach a service worker's own requests).
/// </summary>
public sealed class Network : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _appPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private volatile bool _cut;

    public Network(Uri app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _appPort = app.Port;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>The app's address through this network.</summary>
    public Uri Address { get; }

    public bool IsCut => _cut;

    /// <summary>Bytes the app sent to the browser through this network, as sent (headers and compressed bodies).</summary>
    public long BytesToBrowser => Interlocked.Read(ref _bytesToBrowser);

    private long _bytesToBrowser;

    public void Cut()
    {
        _cut = true;
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Client.LingerState = new LingerOption(true, 0); // a reset, as a dropped signal looks to the browser
                client.Dispose();
            }

            _open.Clear();
        }
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient browser;
            try
            {
                browser = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_cut)
            {
                browser.Client.LingerState = new LingerOption(true, 0);
                browser.Dispose();
                continue;
            }

            _ = RelayAsync(browser);
        }
    }

    private async Task RelayAsync(TcpClient browser)
    {
        using var app = new TcpClient();
        try
        {
            await app.ConnectAsync(IPAddress.Loopback, _appPort, _stop.Token);
            lock (_open)
            {
                _open.Add(browser);
                _open.Add(app);
            }

            var upstream = browser.GetStream().CopyToAsync(app.GetStream(), _stop.Token);
            var downstream = CountedCopyAsync(app.GetStream(), browser.GetStream());
            await Task.WhenAny(upstream, downstream);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection was cut, or one side closed it: the other side sees it closed.
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(browser);
                _open.Remove(app);
            }

            browser.Dispose();
        }
    }

    private async Task CountedCopyAsync(Stream from, Stream to)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            Interlocked.Add(ref _bytesToBrowser, read);
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Cut();
        _stop.Dispose();
    }
}
