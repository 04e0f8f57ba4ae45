using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using Akka.Management.Cluster.Bootstrap;
using Akka.Management.Dsl;
using Streamline.Runtime.Node;
using Streamline.TestSupport;
using Xunit;

namespace Streamline.Runtime.Tests.Node;

/// <summary>k8s.conf's bootstrap and health settings, and Akka.Management + bootstrap forming a cluster on loopback.</summary>
public sealed class NodeManagementTests
{
    [Fact]
    public void K8s_conf_enables_management_and_bootstrap_and_the_loopback_files_do_not()
    {
        var k8s = ClusterConfigFiles.Load("k8s.conf");
        Assert.True(NodeManagement.ManagementConfigured(k8s));
        Assert.True(NodeManagement.BootstrapConfigured(k8s));
        foreach (var file in new[] { "single-node.conf", "cluster.conf" })
        {
            Assert.False(NodeManagement.ManagementConfigured(ClusterConfigFiles.Load(file)), file);
            Assert.False(NodeManagement.BootstrapConfigured(ClusterConfigFiles.Load(file)), file);
        }

        // The settings ClusterBootstrap itself reads, over Akka.Management's defaults.
        var bootstrap = ClusterBootstrapSettings.Create(k8s.WithFallback(ClusterBootstrap.DefaultConfiguration()), NoLogger.Instance);
        Assert.True(bootstrap.NewClusterEnabled);
        Assert.Equal("streamline", bootstrap.ContactPointDiscovery.ServiceName);
        Assert.Equal("management", bootstrap.ContactPointDiscovery.PortName);
        Assert.Equal("kubernetes-api", bootstrap.ContactPointDiscovery.DiscoveryMethod);
        Assert.Equal(3, bootstrap.ContactPointDiscovery.RequiredContactPointsNr);
        Assert.Equal(TimeSpan.FromSeconds(5), bootstrap.ContactPointDiscovery.StableMargin);
    }

    [Fact]
    public void K8s_conf_serves_health_on_the_management_port_the_statefulset_probes()
    {
        var k8s = ClusterConfigFiles.Load("k8s.conf");
        // The management endpoint serves /alive and /ready; no second listener.
        Assert.False(NodeHealthSettings.FromConfig(k8s).Enabled);
        Assert.Equal(8558, k8s.GetInt("akka.management.http.port"));
        Assert.Equal("0.0.0.0", k8s.GetString("akka.management.http.bind-hostname"));

        var manifest = File.ReadAllText(Path.Combine(ClusterConfigFiles.RepoRoot, "k8s", "statefulset.yaml"));
        Assert.Matches(@"- name: management\s+containerPort: 8558", manifest);
        Assert.Matches(@"path: /ready\s+port: management", manifest);
        Assert.Matches(@"path: /alive\s+port: management", manifest);

        var overridden = EnvironmentOverrides.Apply(ClusterConfigFiles.Load("single-node.conf"), new Dictionary<string, string> { ["STREAMLINE_HEALTH_PORT"] = "9000" });
        Assert.Equal(9000, NodeHealthSettings.FromConfig(overridden).Port);
    }

    [Fact]
    public async Task Without_management_settings_nothing_is_started()
    {
        var system = ActorSystem.Create("streamline", ConfigurationFactory.ParseString("""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
            akka.loglevel = WARNING
            """));
        try
        {
            Assert.Null(await NodeManagement.StartAsync(system, NodeHealth.Get(system)));
            Assert.False(system.HasExtension<AkkaManagement>());
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task Bootstrap_through_the_kubernetes_api_forms_a_cluster_of_one()
    {
        var managementPort = LoopbackPort.Free();
        await using var api = new FakeKubernetesApi
        {
            Body = """
                {"kind":"PodList","items":[{"metadata":{"name":"streamline-0"},"status":{"phase":"Running","podIP":"127.0.0.1"},
                 "spec":{"containers":[{"name":"streamline","ports":[{"name":"management","containerPort":PORT}]}]}}]}
                """.Replace("PORT", managementPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
        };
        // k8s.conf's bootstrap on loopback: the stand-in API lists this node as the only pod.
        var config = ConfigurationFactory.ParseString($$"""
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, public-hostname = 127.0.0.1, port = 0 }
            akka.loglevel = WARNING
            akka.coordinated-shutdown.exit-clr = off
            akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
            akka.discovery.kubernetes-api { api-url = "{{api.Url}}", pod-namespace = streamline, api-token-path = "/nonexistent", api-ca-path = "/nonexistent" }
            akka.management.http { hostname = 127.0.0.1, bind-hostname = 127.0.0.1, port = {{managementPort}} }
            akka.management.cluster.bootstrap.contact-point-discovery { required-contact-point-nr = 1, stable-margin = 1s, interval = 500ms }
            akka.management.cluster.bootstrap.contact-point.probe-interval = 1s
            """)
            .WithFallback(ClusterConfigFiles.Load("k8s.conf"))
            .WithFallback(RuntimeConfig.Default());
        var system = ActorSystem.Create("streamline", config);
        try
        {
            var cluster = Akka.Cluster.Cluster.Get(system);
            var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            cluster.RegisterOnMemberUp(() => up.TrySetResult());

            await using var endpoint = await NodeManagement.StartAsync(system, NodeHealth.Get(system));

            Assert.NotNull(endpoint);
            Assert.True(endpoint.BootstrapStarted);
            Assert.Equal(new Uri($"http://127.0.0.1:{managementPort}/"), endpoint.ContactPoint);
            await up.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Contains(api.Requests, r => r.StartsWith("GET /api/v1/namespaces/streamline/pods?labelSelector=app%3Dstreamline ", StringComparison.Ordinal));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using (var ready = await http.GetAsync(new Uri(endpoint.ContactPoint, "/ready")))
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            // What other pods' bootstrap reads: this node, now a member to join through.
            var seeds = await http.GetStringAsync(new Uri(endpoint.ContactPoint, "/bootstrap/seed-nodes"));
            Assert.Contains(cluster.SelfAddress.Port!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), seeds);
            Assert.Contains("\"Status\":", seeds);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task A_management_port_in_use_fails_naming_the_setting()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var system = ActorSystem.Create("streamline", ConfigurationFactory.ParseString($$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
            akka.loglevel = OFF
            akka.management.http { hostname = 127.0.0.1, bind-hostname = 127.0.0.1, port = {{port}} }
            """));
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => NodeManagement.StartAsync(system, NodeHealth.Get(system)));
            Assert.Contains($"127.0.0.1:{port}", error.Message);
            Assert.Contains("already listens", error.Message);
            Assert.Contains("STREAMLINE_MANAGEMENT_PORT", error.Message);
        }
        finally
        {
            taken.Stop();
            await system.Terminate();
        }
    }
}
