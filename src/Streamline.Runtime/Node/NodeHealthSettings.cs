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
    }

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
