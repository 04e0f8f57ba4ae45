using System.Globalization;
using System.Net;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using Akka.Management.Cluster.Bootstrap;
using Akka.Management.Dsl;
using Streamline.Runtime.Node.Operations;

namespace Streamline.Runtime.Node;

/// <summary>
/// Starts the management endpoint and cluster bootstrap when the node's configuration asks for them
/// (k8s.conf: an <c>akka.management.http</c> and an <c>akka.management.cluster.bootstrap</c> section);
/// the loopback files have neither, so their nodes keep joining their seed nodes.
/// Bootstrap itself (discovery, probing, the join decision) is Akka.Management's ClusterBootstrap; the
/// HTTP endpoint is not Akka.Management's: its server (Akka.Http.Shim 1.5.73) is built against
/// Ceen.Httpd 0.9.9, only 0.9.10 is served to this project, and that lacks the
/// HttpServer.ListenAsync overload the shim calls (MissingMethodException at AkkaManagement.Start).
/// </summary>
public static class NodeManagement
{
    public const string HttpPath = "akka.management.http";
    public const string BootstrapPath = "akka.management.cluster.bootstrap";

    /// <summary>Whether <paramref name="config"/> enables cluster bootstrap.</summary>
    public static bool BootstrapConfigured(Config config) => config.HasPath(BootstrapPath);

    /// <summary>Whether <paramref name="config"/> asks for the management endpoint (bootstrap needs it too: other nodes probe it there).</summary>
    public static bool ManagementConfigured(Config config) => config.HasPath(HttpPath) || BootstrapConfigured(config);

    /// <summary>
    /// Binds the management endpoint (bootstrap's seed-node route, the health probes of
    /// <paramref name="health"/> and, given <paramref name="node"/>, the pipeline operations), then
    /// starts bootstrap, as configured; null when the configuration asks for neither. A bad setting
    /// or a port in use fails here, before the node runs.
    /// </summary>
    public static async Task<NodeManagementServer?> StartAsync(ActorSystem system, NodeHealth health, StreamlineNode? node = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(health);
        var config = system.Settings.Config;
        if (!ManagementConfigured(config)) return null;
        var bootstrap = BootstrapConfigured(config);
        // Akka.Management's defaults under the node's settings, as its extensions would read them.
        var effective = config.WithFallback(ClusterBootstrap.DefaultConfiguration());
        var http = effective.GetConfig(HttpPath);

        var hostname = Text(http, "hostname");
        if (hostname.Length == 0 || hostname.StartsWith('<'))
            hostname = Text(effective, "akka.remote.dot-netty.tcp.public-hostname") is { Length: > 0 } publicHost ? publicHost : Dns.GetHostName();
        var port = Port(http, "port", "STREAMLINE_MANAGEMENT_PORT", allowZero: false);
        var bindHostname = Text(http, "bind-hostname") is { Length: > 0 } bh ? bh : hostname;
        var bindPort = Text(http, "bind-port").Length > 0 ? Port(http, "bind-port", null, allowZero: true) : port;
        if (Text(http, "base-path").Length > 0)
            throw new ConfigurationException($"invalid setting {HttpPath}.base-path = \"{Text(http, "base-path")}\": a path prefix is not supported; remove the setting (routes are served at /bootstrap/seed-nodes, /alive, /ready)");
        var bindAddress = string.Equals(bindHostname, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(bindHostname, out var parsed) ? parsed
            : throw new ConfigurationException($"invalid setting {HttpPath}.bind-hostname = \"{bindHostname}\": must be an IP address (0.0.0.0 for all interfaces) or localhost");

        var routes = NodeHealthServer.Routes(health);
        ClusterBootstrapSettings? bootstrapSettings = null;
        if (bootstrap)
        {
            bootstrapSettings = ClusterBootstrapSettings.Create(effective, Logging.GetLogger(system, typeof(NodeManagement)));
            var maxSeedNodes = bootstrapSettings.ContactPoint.MaxSeedNodesToExpose;
            routes[BootstrapSeedNodesRoute.Path] = () => Task.FromResult(BootstrapSeedNodesRoute.Answer(system, maxSeedNodes));
        }
        // Same operations and rules as the health listener (allow-operations is judged for this bind address).
        var operations = node is null ? null : new PipelineRoutes(node, NodeHealthSettings.FromConfig(config), bindAddress);
        var server = PlainHttpServer.Start(bindAddress, bindPort, routes, "the management endpoint",
            $"set {HttpPath}.port (STREAMLINE_MANAGEMENT_PORT) to a free port, or {HttpPath}.bind-hostname to an address of this machine",
            operations?.AsPrefixRoutes());
        var contactPoint = new Uri($"http://{(hostname.Contains(':') ? $"[{hostname}]" : hostname)}:{port}/");
        try
        {
            if (bootstrap)
            {
                var clusterBootstrap = ClusterBootstrap.Get(system);
                // Tells bootstrap the address it advertises as its own contact point (what Akka.Management
                // does when it binds); the Ceen route object returned is not used.
                clusterBootstrap.Routes(ManagementRouteProviderSettings.Create(contactPoint, readOnly: true));
                await clusterBootstrap.Start().ConfigureAwait(false);
            }
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new NodeManagementServer(server, contactPoint, bootstrap, operations is not null, operations?.OperationsAllowed ?? false);
    }

    private static string Text(Config config, string path) => config.HasPath(path) ? config.GetString(path) ?? "" : "";

    private static int Port(Config http, string key, string? variable, bool allowZero)
    {
        var text = Text(http, key);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 && (allowZero || port > 0)
            ? port
            : throw new ConfigurationException(
                $"invalid setting {HttpPath}.{key} = \"{text}\": must be a port from {(allowZero ? 0 : 1)} to 65535" +
                (variable is null ? "" : $" (environment variable {variable})"));
    }
}
