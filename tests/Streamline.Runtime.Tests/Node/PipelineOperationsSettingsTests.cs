using System.Net;
using Akka.Configuration;
using Streamline.Runtime.Node;
using Streamline.Runtime.Node.Operations;
using Xunit;

namespace Streamline.Runtime.Tests.Node;

/// <summary>The rules of <c>streamline.node.health.allow-operations</c> and of the Host check on loopback listeners.</summary>
public sealed class PipelineOperationsSettingsTests
{
    [Fact]
    public void Allow_operations_reads_auto_on_and_off_and_names_the_setting_when_invalid()
    {
        NodeHealthSettings Read(string value) => NodeHealthSettings.FromConfig(ConfigurationFactory.ParseString($"streamline.node.health.allow-operations = {value}"));
        Assert.Null(NodeHealthSettings.FromConfig(ConfigurationFactory.Empty).AllowOperations);
        Assert.True(NodeHealthSettings.FromConfig(ConfigurationFactory.Empty).OperationsAllowed(IPAddress.Loopback));
        Assert.True(NodeHealthSettings.FromConfig(ConfigurationFactory.Empty).OperationsAllowed(IPAddress.IPv6Loopback));
        Assert.False(NodeHealthSettings.FromConfig(ConfigurationFactory.Empty).OperationsAllowed(IPAddress.Any));
        Assert.True(Read("on").OperationsAllowed(IPAddress.Any));
        Assert.False(Read("off").OperationsAllowed(IPAddress.Loopback));
        var error = Assert.Throws<ConfigurationException>(() => Read("sometimes"));
        Assert.Contains("streamline.node.health.allow-operations = \"sometimes\"", error.Message);
        Assert.Contains("auto", error.Message);
    }

    [Fact]
    public void Loopback_host_headers_are_recognized()
    {
        foreach (var host in new[] { "localhost", "LOCALHOST:8080", "127.0.0.1", "127.0.0.1:4000", "[::1]:80", "[::1]" })
            Assert.True(PipelineRoutes.IsLoopbackHost(host), host);
        foreach (var host in new[] { null, "", "example.com", "127.0.0.1.nip.io:80", "10.0.0.1:8558", "[fe80::1]:80", "localhost.example" })
            Assert.False(PipelineRoutes.IsLoopbackHost(host), host ?? "null");
    }
}
