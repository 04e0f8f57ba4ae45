using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Streamline.Runtime.Node;

/// <summary>
/// A minimal HTTP/1.1 listener for a few fixed GET routes (health probes, bootstrap's seed-node
/// query): one request per connection, which is how probes and bootstrap use it. A raw socket rather
/// than HttpListener (which cannot bind port 0) or ASP.NET Core (a web stack for three routes), and
/// not Akka.Management's own server, which cannot start here (NodeManagement says why).
/// </summary>
internal sealed class PlainHttpServer : IAsyncDisposable
{
    public sealed record Response(int Status, string Body, string ContentType = "text/plain; charset=utf-8");

    // Probes send a few hundred bytes of headers; more is not a probe.
    private const int MaxRequestBytes = 8 * 1024;
    // Connections served at once; a flood of slow clients is dropped rather than queued behind.
    private const int MaxConnections = 16;
    // A client that has not sent its request by then is holding a slot for nothing.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyDictionary<string, Func<Task<Response>>> _routes;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _slots = new(MaxConnections);
    private readonly Task _accepting;

    private PlainHttpServer(IReadOnlyDictionary<string, Func<Task<Response>>> routes, TcpListener listener)
    {
        _routes = routes;
        _listener = listener;
        Endpoint = (IPEndPoint)listener.LocalEndpoint;
        _accepting = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The bound address and port (the actual port when the setting was 0).</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>http://host:port/ of the listener, for logs and tests.</summary>
    public Uri BaseUri => new($"http://{(Endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{Endpoint.Address}]" : Endpoint.Address.ToString())}:{Endpoint.Port}/");

    /// <summary>
    /// Binds now, so a port in use or a bad address fails the node's start, not a later request;
    /// <paramref name="remedy"/> ends the error message (which setting to change).
    /// </summary>
    public static PlainHttpServer Start(IPAddress address, int port, IReadOnlyDictionary<string, Func<Task<Response>>> routes, string purpose, string remedy)
    {
        var listener = new TcpListener(address, port);
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            listener.Stop();
            var why = e.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => "another process already listens on that port",
                SocketError.AccessDenied => "ports below 1024 need privileges",
                SocketError.AddressNotAvailable => "the address is not one of this machine's interfaces",
                _ => e.Message,
            };
            throw new InvalidOperationException($"cannot serve {purpose} on {address}:{port} ({why}); {remedy}", e);
        }
        return new PlainHttpServer(routes, listener);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || _stop.IsCancellationRequested)
            {
                break;
            }
            catch (SocketException)
            {
                // A client that gave up before it was accepted; keep serving the others.
                continue;
            }
            if (!_slots.Wait(0))
            {
                client.Dispose();
                continue;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            using (client)
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
            {
                timeout.CancelAfter(RequestTimeout);
                var stream = client.GetStream();
                var request = await ReadRequestLineAsync(stream, timeout.Token).ConfigureAwait(false);
                var response = await RespondAsync(request).ConfigureAwait(false);
                await WriteResponseAsync(stream, response, headOnly: request?.Method == "HEAD", timeout.Token).ConfigureAwait(false);
                client.Client.Shutdown(SocketShutdown.Send);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or was too slow; a probe just tries again.
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<Response> RespondAsync((string Method, string Path)? request)
    {
        if (request is not var (method, path)) return new Response(400, "bad request: expected \"GET /path HTTP/1.1\"");
        if (!_routes.TryGetValue(path, out var route)) return new Response(404, $"no such path {path}; this endpoint serves {string.Join(", ", _routes.Keys)}");
        if (method is not ("GET" or "HEAD")) return new Response(405, $"method {method} not allowed; use GET or HEAD");
        try
        {
            return await route().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // An answer, not a dropped connection: the caller sees why.
            return new Response(500, $"internal error: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Reads the request head (up to the blank line) and returns its method and path, or null when it is malformed.</summary>
    private static async Task<(string Method, string Path)?> ReadRequestLineAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length) return null;
            var read = await stream.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
            if (read == 0) return null;
            var scanFrom = Math.Max(0, length - 3);
            length += read;
            if (buffer.AsSpan(scanFrom, length - scanFrom).IndexOf("\r\n\r\n"u8) >= 0) break;
        }
        var head = Encoding.ASCII.GetString(buffer, 0, length);
        var parts = head[..head.IndexOf("\r\n", StringComparison.Ordinal)].Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || !parts[1].StartsWith('/')) return null;
        var query = parts[1].IndexOf('?');
        return (parts[0], query < 0 ? parts[1] : parts[1][..query]);
    }

    private static async Task WriteResponseAsync(NetworkStream stream, Response response, bool headOnly, CancellationToken ct)
    {
        var status = response.Status;
        var content = Encoding.UTF8.GetBytes(response.Body + "\n");
        var reason = status switch
        {
            200 => "OK",
            400 => "Bad Request",
            404 => "Not Found",
            405 => "Method Not Allowed",
            503 => "Service Unavailable",
            _ => "Internal Server Error",
        };
        var head = new StringBuilder()
            .Append($"HTTP/1.1 {status} {reason}\r\n")
            .Append($"Content-Type: {response.ContentType}\r\n")
            .Append($"Content-Length: {content.Length}\r\n")
            // An answer is about this instant (membership); no proxy or client may reuse it.
            .Append("Cache-Control: no-store\r\n")
            .Append("Connection: close\r\n");
        if (status == 405) head.Append("Allow: GET, HEAD\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), ct).ConfigureAwait(false);
        if (!headOnly) await stream.WriteAsync(content, ct).ConfigureAwait(false);
    }
}
