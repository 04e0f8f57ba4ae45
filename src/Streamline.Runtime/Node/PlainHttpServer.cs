using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Streamline.Runtime.Node;

/// <summary>
/// A minimal HTTP/1.1 listener for a few fixed GET routes (health probes, bootstrap's seed-node
/// query) and prefix routes that see the whole request head (the pipeline operations): one request
/// per connection, which is how probes, bootstrap and the CLI use it. A raw socket rather than
/// HttpListener (which cannot bind port 0) or ASP.NET Core (a web stack for a handful of routes), and
/// not Akka.Management's own server, which cannot start here (NodeManagement says why).
/// </summary>
internal sealed class PlainHttpServer : IAsyncDisposable
{
    public sealed record Response(int Status, string Body, string ContentType = "text/plain; charset=utf-8")
    {
        /// <summary>The methods a 405 names in its Allow header (default: GET, HEAD).</summary>
        public string? Allow { get; init; }
    }

    /// <summary>A request head: method, path without the query, headers (names case-insensitive, the first of repeated ones).</summary>
    public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Headers)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }

    // Probes and the CLI send a few hundred bytes of headers; more is not one of them.
    private const int MaxRequestBytes = 8 * 1024;
    // No route reads a body; a small one (curl -d '') is read and dropped, a large one refused.
    private const int MaxBodyBytes = 64 * 1024;
    // Connections served at once; a flood of slow clients is dropped rather than queued behind.
    private const int MaxConnections = 16;
    // A client that has not sent its request by then is holding a slot for nothing; the same for
    // one that does not take the response. A route's own work (a savepoint) has its own timeout.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyDictionary<string, Func<Task<Response>>> _routes;
    private readonly IReadOnlyDictionary<string, Func<Request, Task<Response>>> _prefixRoutes;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _slots = new(MaxConnections);
    private readonly Task _accepting;

    private PlainHttpServer(IReadOnlyDictionary<string, Func<Task<Response>>> routes, IReadOnlyDictionary<string, Func<Request, Task<Response>>> prefixRoutes, TcpListener listener)
    {
        _routes = routes;
        _prefixRoutes = prefixRoutes;
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
    /// <paramref name="remedy"/> ends the error message (which setting to change). <paramref name="routes"/>
    /// answer GET and HEAD of exactly their path; a <paramref name="prefixRoutes"/> handler answers
    /// any method on its path and below it (<c>/pipelines</c>: also <c>/pipelines/x/stop</c>).
    /// </summary>
    public static PlainHttpServer Start(IPAddress address, int port, IReadOnlyDictionary<string, Func<Task<Response>>> routes, string purpose, string remedy,
        IReadOnlyDictionary<string, Func<Request, Task<Response>>>? prefixRoutes = null)
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
        return new PlainHttpServer(routes, prefixRoutes ?? new Dictionary<string, Func<Request, Task<Response>>>(), listener);
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
            {
                var stream = client.GetStream();
                (Request? Request, Response? Error) read;
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
                {
                    timeout.CancelAfter(RequestTimeout);
                    read = await ReadRequestAsync(stream, timeout.Token).ConfigureAwait(false);
                }
                var response = read.Error ?? await RespondAsync(read.Request!).ConfigureAwait(false);
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
                {
                    timeout.CancelAfter(RequestTimeout);
                    await WriteResponseAsync(stream, response, headOnly: read.Request?.Method == "HEAD", timeout.Token).ConfigureAwait(false);
                }
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

    private async Task<Response> RespondAsync(Request request)
    {
        var (method, path) = (request.Method, request.Path);
        Func<Task<Response>> answer;
        if (_routes.TryGetValue(path, out var route))
        {
            if (method is not ("GET" or "HEAD")) return new Response(405, $"method {method} not allowed; use GET or HEAD");
            answer = route;
        }
        else if (_prefixRoutes.FirstOrDefault(p => path == p.Key || path.StartsWith(p.Key + "/", StringComparison.Ordinal)) is { Value: { } handler })
            answer = () => handler(request);
        else
            return new Response(404, $"no such path {path}; this endpoint serves {string.Join(", ", _routes.Keys.Concat(_prefixRoutes.Keys.Select(k => k + "[/...]")))}");
        try
        {
            return await answer().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // An answer, not a dropped connection: the caller sees why.
            return new Response(500, $"internal error: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Reads the request head (up to the blank line) and drops a small body; returns the request,
    /// or the error to answer when it is malformed or too large.
    /// </summary>
    private static async Task<(Request? Request, Response? Error)> ReadRequestAsync(NetworkStream stream, CancellationToken ct)
    {
        var malformed = (default(Request), new Response(400, "bad request: expected \"GET /path HTTP/1.1\" and headers"));
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        int headEnd;
        while (true)
        {
            if (length == buffer.Length) return (null, new Response(431, $"request head larger than {MaxRequestBytes} bytes"));
            var read = await stream.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
            if (read == 0) return malformed;
            var scanFrom = Math.Max(0, length - 3);
            length += read;
            var found = buffer.AsSpan(scanFrom, length - scanFrom).IndexOf("\r\n\r\n"u8);
            if (found < 0) continue;
            headEnd = scanFrom + found + 4;
            break;
        }
        var lines = Encoding.ASCII.GetString(buffer, 0, headEnd - 4).Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || !parts[1].StartsWith('/')) return malformed;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) return malformed;
            headers.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
        if (headers.ContainsKey("Transfer-Encoding")) return (null, new Response(400, "bad request: a chunked body is not accepted; no route reads a body, send none"));
        if (headers.TryGetValue("Content-Length", out var lengthText))
        {
            if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var contentLength)) return malformed;
            if (contentLength > MaxBodyBytes) return (null, new Response(413, $"request body larger than {MaxBodyBytes} bytes; no route reads a body, send none"));
            // Read what is left of it, so closing the connection does not reset it before the answer is read.
            var left = contentLength - (length - headEnd);
            while (left > 0)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(left, buffer.Length)), ct).ConfigureAwait(false);
                if (read == 0) return malformed;
                left -= read;
            }
        }
        var query = parts[1].IndexOf('?');
        return (new Request(parts[0], query < 0 ? parts[1] : parts[1][..query], headers), null);
    }

    private static async Task WriteResponseAsync(NetworkStream stream, Response response, bool headOnly, CancellationToken ct)
    {
        var status = response.Status;
        var content = Encoding.UTF8.GetBytes(response.Body + "\n");
        var reason = status switch
        {
            200 => "OK",
            400 => "Bad Request",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            409 => "Conflict",
            413 => "Content Too Large",
            431 => "Request Header Fields Too Large",
            503 => "Service Unavailable",
            504 => "Gateway Timeout",
            _ => "Internal Server Error",
        };
        var head = new StringBuilder()
            .Append($"HTTP/1.1 {status} {reason}\r\n")
            .Append($"Content-Type: {response.ContentType}\r\n")
            .Append($"Content-Length: {content.Length}\r\n")
            // An answer is about this instant (membership, a pipeline's status); no proxy or client may reuse it.
            .Append("Cache-Control: no-store\r\n")
            .Append("Connection: close\r\n");
        if (status == 405) head.Append($"Allow: {response.Allow ?? "GET, HEAD"}\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), ct).ConfigureAwait(false);
        if (!headOnly) await stream.WriteAsync(content, ct).ConfigureAwait(false);
    }
}
