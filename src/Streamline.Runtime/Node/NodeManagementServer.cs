using System.Net;

namespace Streamline.Runtime.Node;

/// <summary>
/// The node's management endpoint (<c>akka.management.http</c>), started by <see cref="NodeManagement"/>:
/// serves cluster bootstrap's <c>/bootstrap/seed-nodes</c> and the <c>/alive</c> and <c>/ready</c>
/// probes, and, given the node's <see cref="StreamlineNode"/>, the pipeline operations under
/// <c>/pipelines</c>. Stays bound until disposed, so probes are answered through a whole graceful shutdown.
/// </summary>
public sealed class NodeManagementServer : IAsyncDisposable
{
    private readonly PlainHttpServer _server;

    internal NodeManagementServer(PlainHttpServer server, Uri contactPoint, bool bootstrapStarted, bool operations, bool operationsAllowed)
    {
        _server = server;
        ContactPoint = contactPoint;
        BootstrapStarted = bootstrapStarted;
        ServesOperations = operations;
        OperationsAllowed = operationsAllowed;
    }

    /// <summary>Whether <c>/pipelines</c> is served (the endpoint was given the node).</summary>
    public bool ServesOperations { get; }

    /// <summary>Whether savepoint and stop are served, not only status (<c>streamline.node.health.allow-operations</c> for the bound address).</summary>
    public bool OperationsAllowed { get; }

    /// <summary>The address other nodes' bootstrap probes: http://akka.management.http.hostname:port/.</summary>
    public Uri ContactPoint { get; }

    /// <summary>The bound address and port.</summary>
    public IPEndPoint Endpoint => _server.Endpoint;

    /// <summary>Whether cluster bootstrap was started (the configuration has a bootstrap section).</summary>
    public bool BootstrapStarted { get; }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
