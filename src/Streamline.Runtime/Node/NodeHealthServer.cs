using System.Net;

namespace Streamline.Runtime.Node;

/// <summary>
/// Serves <c>GET /alive</c> and <c>GET /ready</c> of a <see cref="NodeHealth"/> over plain HTTP on
/// <c>streamline.node.health.hostname:port</c>: 200 when healthy, 503 when not, the reason as a text
/// body. (A node with a management endpoint serves the same two routes there too.)
/// </summary>
public sealed class NodeHealthServer : IAsyncDisposable
{
    public const string AlivePath = "/alive";
    public const string ReadyPath = "/ready";

    private readonly PlainHttpServer _server;

    private NodeHealthServer(PlainHttpServer server) => _server = server;

    /// <summary>The bound address and port (the actual port when the setting was 0).</summary>
    public IPEndPoint Endpoint => _server.Endpoint;

    /// <summary>http://host:port/ of the listener, for logs and tests.</summary>
    public Uri BaseUri => _server.BaseUri;

    /// <summary>Binds the listener now, so a port in use or a bad address fails the node's start, not a later probe.</summary>
    public static NodeHealthServer Start(NodeHealth health, NodeHealthSettings settings)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return new NodeHealthServer(PlainHttpServer.Start(settings.ListenAddress(), settings.Port, Routes(health), "health checks",
            $"set {NodeHealthSettings.Path}.port (STREAMLINE_HEALTH_PORT) to a free port, 0 to let the OS choose one, or {NodeHealthSettings.Path}.enabled = off"));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>The two routes, for any <see cref="PlainHttpServer"/> that serves them.</summary>
    internal static Dictionary<string, Func<Task<PlainHttpServer.Response>>> Routes(NodeHealth health) => new(StringComparer.Ordinal)
    {
        [AlivePath] = () => Task.FromResult(Answer(health.Alive())),
        [ReadyPath] = async () => Answer(await health.ReadyAsync().ConfigureAwait(false)),
    };

    private static PlainHttpServer.Response Answer(HealthCheckResult result) => new(result.Healthy ? 200 : 503, result.Detail);
}
