using System.Globalization;
using System.Net;
using Akka.Configuration;

namespace Streamline.Runtime.Node;

/// <summary>
/// Settings of the node's health endpoints, read from <c>streamline.node.health</c> (defaults and
/// their reasons in the runtime's embedded reference.conf).
/// </summary>
public sealed record NodeHealthSettings
{
    public const string Path = "streamline.node.health";

    public bool Enabled { get; init; } = true;

    /// <summary>An IP address literal or <c>localhost</c>.</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>0 lets the operating system choose a free port.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Whether the pipeline operations that change a running pipeline (savepoint, stop) are served:
    /// true or false as set, null (<c>auto</c>) for only on a listener bound to a loopback address.
    /// Applies to this listener and to the management endpoint. See <see cref="OperationsAllowed"/>.
    /// </summary>
    public bool? AllowOperations { get; init; }

    /// <summary>How long a savepoint or stop requested over HTTP may take before the answer is a timeout (the operation goes on).</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a status or listing requested over HTTP may wait for the pipeline manager and coordinators.</summary>
    public TimeSpan StatusTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Reads <c>streamline.node.health</c> from <paramref name="config"/> over the defaults; invalid values fail fast.</summary>
    public static NodeHealthSettings FromConfig(Config config)
    {
        var c = config.WithFallback(RuntimeConfig.Default()).GetConfig(Path);
        // Read as text: an environment override (STREAMLINE_HEALTH_PORT) arrives as a string, and
        // Akka's GetInt would fail on a typo with a parser message that names neither setting nor value.
        var portText = c.GetString("port");
        var settings = new NodeHealthSettings
        {
            Enabled = c.GetBoolean("enabled"),
            Hostname = c.GetString("hostname") ?? "",
            AllowOperations = (c.GetString("allow-operations") ?? "").Trim().ToLowerInvariant() switch
            {
                "auto" => null,
                "on" or "true" or "yes" => true,
                "off" or "false" or "no" => false,
                var other => throw Invalid("allow-operations", other, "must be auto (only on a loopback listener), on or off"),
            },
            OperationTimeout = c.GetTimeSpan("operation-timeout"),
            StatusTimeout = c.GetTimeSpan("status-timeout"),
            Port = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                ? port
                : throw Invalid("port", portText, "must be a whole number from 0 to 65535 (0 lets the OS pick a free port)"),
        };
        settings.Validate();
        return settings;
    }

    public void Validate()
    {
        if (Port is < 0 or > 65535)
            throw Invalid("port", Port, "must be from 0 to 65535 (0 lets the OS pick a free port)");
        _ = ListenAddress();
        if (OperationTimeout <= TimeSpan.Zero) throw Invalid("operation-timeout", OperationTimeout, "must be positive");
        if (StatusTimeout <= TimeSpan.Zero) throw Invalid("status-timeout", StatusTimeout, "must be positive");
    }

    /// <summary>
    /// Whether a listener bound to <paramref name="bound"/> serves savepoint and stop: as set, or with
    /// <c>auto</c> only on a loopback address, where only this machine's processes reach it (0.0.0.0
    /// in Kubernetes lets anyone who reaches the pod in, and there is no authentication).
    /// </summary>
    public bool OperationsAllowed(IPAddress bound) => AllowOperations ?? IPAddress.IsLoopback(bound);

    /// <summary>The address to listen on; <c>localhost</c> is the IPv4 loopback, so the URL printed at start works everywhere.</summary>
    public IPAddress ListenAddress()
    {
        if (string.Equals(Hostname, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        // An IP literal only: resolving a name here would bind whatever DNS says at start.
        return IPAddress.TryParse(Hostname, out var address)
            ? address
            : throw Invalid("hostname", Hostname, "must be an IP address (127.0.0.1, 0.0.0.0 for all interfaces, ::) or localhost");
    }

    private static ConfigurationException Invalid(string key, object? value, string rule) =>
        new($"invalid setting {Path}.{key} = \"{value}\": {rule}; set it in the node's configuration file or through its environment variable (streamline.environment-overrides)");
}
