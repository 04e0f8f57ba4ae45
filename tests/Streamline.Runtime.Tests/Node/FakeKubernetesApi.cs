using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Streamline.Runtime.Tests.Node;

/// <summary>
/// A stand-in for the Kubernetes API server on a loopback port: answers every request with the
/// current status and body, and keeps the request heads it received (one request per connection).
/// </summary>
internal sealed class FakeKubernetesApi : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly List<string> _requests = new();

    public FakeKubernetesApi()
    {
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Status { get; set; } = 200;

    public string Body { get; set; } = """{"kind":"PodList","items":[]}""";

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests) return _requests.ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[4096];
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0) break;
                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
            lock (_requests) _requests.Add(head.ToString());
            var body = Encoding.UTF8.GetBytes(Body);
            var response = $"HTTP/1.1 {Status} X\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
            await stream.WriteAsync(body, _stop.Token);
        }
    }
}
