using System.Net;
using Streamline.Runtime.Node.Operations;

namespace Streamline.Runtime.Node;

/// <summary>
/// Serves <c>GET /alive</c> and <c>GET /ready</c> of a <see cref="NodeHealth"/> over plain HTTP on
/// <c>streamline.node.health.hostname:port</c>: 200 when healthy, 503 when not, the reason as a text
/// body. Given the node's <see cref="StreamlineNode"/>, also the pipeline operations under
/// <c>/pipelines</c> (status, savepoint, stop; see <c>allow-operations</c> in reference.conf).
/// (A node with a management endpoint serves the same routes there too.)
/// </summary>
public sealed class NodeHealthServer : IAsyncDisposable
{
    public const string AlivePath = "/alive";
    public const string ReadyPath = "/ready";

    private readonly PlainHttpServer _server;

    private NodeHealthServer(PlainHttpServer server, bool operations, bool operationsAllowed)
    {
        _server = server;
        ServesOperations = operations;
        OperationsAllowed = operationsAllowed;
    }

    /// <summary>Whether <c>/pipelines</c> is served (the server was given the node).</summary>
    public bool ServesOperations { get; }

    /// <summary>Whether savepoint and stop are served, not only status (<c>allow-operations</c> for the bound address).</summary>
    public bool OperationsAllowed { get; }

    /// <summary>The bound address and port (the actual port when the setting was 0).</summary>
    public IPEndPoint Endpoint => _server.Endpoint;

    /// <summary>http://host:port/ of the listener, for logs and tests.</summary>
    public Uri BaseUri => _server.BaseUri;

    /// <summary>
    /// Binds the listener now, so a port in use or a bad address fails the node's start, not a later
    /// probe. With <paramref name="node"/>, the pipeline operations are served too.
    /// </summary>
    public static NodeHealthServer Start(NodeHealth health, NodeHealthSettings settings, StreamlineNode? node = null)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var address = settings.ListenAddress();
        var operations = node is null ? null : new PipelineRoutes(node, settings, address);
        return new NodeHealthServer(PlainHttpServer.Start(address, settings.Port, Routes(health), "health checks",
            $"set {NodeHealthSettings.Path}.port (STREAMLINE_HEALTH_PORT) to a free port, 0 to let the OS choose one, or {NodeHealthSettings.Path}.enabled = off",
            operations?.AsPrefixRoutes()), operations is not null, operations?.OperationsAllowed ?? false);
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
