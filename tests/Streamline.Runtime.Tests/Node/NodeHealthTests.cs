using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Streamline.Runtime.Node;
using Xunit;

namespace Streamline.Runtime.Tests.Node;

/// <summary>/alive and /ready of a real single-node cluster member, over HTTP on a loopback port chosen by the OS.</summary>
public sealed class NodeHealthTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    // No seed nodes: each test joins when it wants the member to. exit-clr off keeps the test host alive.
    private static Config NodeConfig(int minMembers) => ConfigurationFactory.ParseString($"""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp {"{"} hostname = 127.0.0.1, port = 0 {"}"}
        akka.loglevel = WARNING
        akka.cluster.min-nr-of-members = {minMembers}
        akka.coordinated-shutdown.exit-clr = off
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        streamline.node.health.port = 0
        """).WithFallback(RuntimeConfig.Default());

    [Fact]
    public async Task Alive_and_ready_follow_the_member_from_start_through_up_to_leaving()
    {
        var system = ActorSystem.Create("streamline", NodeConfig(minMembers: 1));
        try
        {
            var settings = NodeHealthSettings.FromConfig(system.Settings.Config);
            Assert.Equal("127.0.0.1", settings.Hostname);
            await using var server = NodeHealthServer.Start(NodeHealth.Get(system), settings);
            Assert.True(IPAddress.IsLoopback(server.Endpoint.Address));
            Assert.NotEqual(0, server.Endpoint.Port);

            Assert.Equal(HttpStatusCode.OK, (await Get(server, "/alive")).Status);
            var beforeJoin = await Get(server, "/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, beforeJoin.Status);
            Assert.Contains("not a cluster member yet", beforeJoin.Body);

            var cluster = Akka.Cluster.Cluster.Get(system);
            var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            cluster.RegisterOnMemberUp(() => up.TrySetResult());
            cluster.RegisterOnMemberRemoved(() => removed.TrySetResult());
            cluster.Join(cluster.SelfAddress);
            await up.Task.WaitAsync(Timeout);

            var ready = await Get(server, "/ready");
            Assert.Equal(HttpStatusCode.OK, ready.Status);
            Assert.Equal("Up", ready.Body.Trim());
            Assert.Equal(HttpStatusCode.OK, (await Get(server, "/alive?probe=1")).Status);

            await cluster.LeaveAsync().WaitAsync(Timeout);
            await removed.Task.WaitAsync(Timeout);
            var afterLeave = await Get(server, "/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, afterLeave.Status);

            // Leaving runs CoordinatedShutdown, which terminates the ActorSystem: then /alive fails too.
            await system.WhenTerminated.WaitAsync(Timeout);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Get(server, "/alive")).Status);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Get(server, "/ready")).Status);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task Ready_is_503_while_the_member_is_joining()
    {
        // Two members required: a lone node stays Joining.
        var system = ActorSystem.Create("streamline", NodeConfig(minMembers: 2));
        try
        {
            await using var server = NodeHealthServer.Start(NodeHealth.Get(system), NodeHealthSettings.FromConfig(system.Settings.Config));
            var cluster = Akka.Cluster.Cluster.Get(system);
            var joining = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            system.ActorOf(Props.Create(() => new SelfStatusWatcher(cluster, MemberStatus.Joining, joining)));
            cluster.Join(cluster.SelfAddress);
            await joining.Task.WaitAsync(Timeout);

            var ready = await Get(server, "/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
            Assert.Equal("Joining", ready.Body.Trim());
            Assert.Equal(HttpStatusCode.OK, (await Get(server, "/alive")).Status);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task Unknown_paths_and_methods_are_refused_and_head_has_no_body()
    {
        var system = ActorSystem.Create("streamline", NodeConfig(minMembers: 1));
        try
        {
            await using var server = NodeHealthServer.Start(NodeHealth.Get(system), NodeHealthSettings.FromConfig(system.Settings.Config));
            var notFound = await Get(server, "/health");
            Assert.Equal(HttpStatusCode.NotFound, notFound.Status);
            Assert.Contains("/alive", notFound.Body);

            using var post = await Http.PostAsync(new Uri(server.BaseUri, "/alive"), new StringContent(""));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);

            using var head = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(server.BaseUri, "/alive")));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Theory]
    [InlineData("port = 70000", "streamline.node.health.port = \"70000\"")]
    [InlineData("port = -1", "streamline.node.health.port = \"-1\"")]
    [InlineData("port = \"80a\"", "streamline.node.health.port = \"80a\"")]
    [InlineData("hostname = \"health.example\"", "streamline.node.health.hostname = \"health.example\"")]
    public void A_bad_setting_fails_fast_naming_the_setting_and_value(string setting, string expected)
    {
        var config = ConfigurationFactory.ParseString($"streamline.node.health.{setting}");
        var error = Assert.Throws<ConfigurationException>(() => NodeHealthSettings.FromConfig(config));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_port_in_use_fails_at_start_saying_which_setting_to_change()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var system = ActorSystem.Create("streamline", NodeConfig(minMembers: 1));
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var settings = NodeHealthSettings.FromConfig(ConfigurationFactory.ParseString($"streamline.node.health.port = {port}"));
            var error = Assert.Throws<InvalidOperationException>(() => NodeHealthServer.Start(NodeHealth.Get(system), settings));
            Assert.Contains($"127.0.0.1:{port}", error.Message);
            Assert.Contains("already listens", error.Message);
            Assert.Contains("STREAMLINE_HEALTH_PORT", error.Message);
        }
        finally
        {
            taken.Stop();
            await system.Terminate();
        }
    }

    [Fact]
    public void Defaults_listen_on_loopback_on_a_port_the_os_picks()
    {
        var settings = NodeHealthSettings.FromConfig(ConfigurationFactory.Empty);
        Assert.True(settings.Enabled);
        Assert.Equal(IPAddress.Loopback, settings.ListenAddress());
        Assert.Equal(0, settings.Port);
    }

    private static async Task<(HttpStatusCode Status, string Body)> Get(NodeHealthServer server, string path)
    {
        using var response = await Http.GetAsync(new Uri(server.BaseUri, path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Completes <paramref name="reached"/> once the cluster publishes this member with <paramref name="status"/>.</summary>
    private sealed class SelfStatusWatcher : ReceiveActor
    {
        private readonly Akka.Cluster.Cluster _cluster;

        public SelfStatusWatcher(Akka.Cluster.Cluster cluster, MemberStatus status, TaskCompletionSource reached)
        {
            _cluster = cluster;
            Receive<ClusterEvent.IMemberEvent>(e =>
            {
                if (e.Member.UniqueAddress.Equals(cluster.SelfUniqueAddress) && e.Member.Status == status) reached.TrySetResult();
            });
        }

        protected override void PreStart() =>
            _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent));

        protected override void PostStop() => _cluster.Unsubscribe(Self);
    }
}
