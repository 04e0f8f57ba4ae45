using Akka.Actor;
using Akka.Configuration;
using Akka.Discovery;
using Akka.Event;
using Streamline.Runtime.Node;
using Xunit;

namespace Streamline.Runtime.Tests.Node;

/// <summary>The "kubernetes-api" discovery method against a stand-in API server on loopback.</summary>
public sealed class KubernetesPodDiscoveryTests
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(10);

    // Three pods that count (two on the management port) and three that do not: pending, being deleted, no management port.
    private const string PodList = """
        {"kind":"PodList","items":[
          {"metadata":{"name":"streamline-0"},"status":{"phase":"Running","podIP":"10.1.0.7"},
           "spec":{"containers":[{"name":"streamline","ports":[{"name":"management","containerPort":8558},{"name":"health","containerPort":8559}]}]}},
          {"metadata":{"name":"streamline-1"},"status":{"phase":"Running","podIP":"10.1.0.8"},
           "spec":{"containers":[{"name":"streamline","ports":[{"name":"management","containerPort":8558}]}]}},
          {"metadata":{"name":"streamline-2"},"status":{"phase":"Pending"},
           "spec":{"containers":[{"name":"streamline","ports":[{"name":"management","containerPort":8558}]}]}},
          {"metadata":{"name":"streamline-3","deletionTimestamp":"2025-01-01T00:00:00Z"},"status":{"phase":"Running","podIP":"10.1.0.9"},
           "spec":{"containers":[{"name":"streamline","ports":[{"name":"management","containerPort":8558}]}]}},
          {"metadata":{"name":"other"},"status":{"phase":"Running","podIP":"10.1.0.10"},
           "spec":{"containers":[{"name":"sidecar"}]}}
        ]}
        """;

    [Fact]
    public async Task Lists_running_pods_of_the_label_on_the_named_port_with_the_service_account_token()
    {
        await using var api = new FakeKubernetesApi { Body = PodList };
        var token = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(token, "token-123\n");
            using var discovery = new KubernetesPodDiscovery(Settings(api) with { ApiTokenPath = token }, NoLogger.Instance);

            var resolved = await discovery.Lookup(new Lookup("streamline", "management", "tcp"), ResolveTimeout);

            Assert.Equal(new[] { ("10.1.0.7", (int?)8558), ("10.1.0.8", (int?)8558) }, resolved.Addresses.Select(a => (a.Host, a.Port)));
            var request = Assert.Single(api.Requests);
            Assert.StartsWith("GET /api/v1/namespaces/streamline/pods?labelSelector=app%3Dstreamline HTTP/1.1", request);
            Assert.Contains("Authorization: Bearer token-123\r\n", request);
        }
        finally
        {
            File.Delete(token);
        }
    }

    [Fact]
    public async Task A_refused_listing_names_the_rbac_files_to_apply()
    {
        await using var api = new FakeKubernetesApi { Status = 403, Body = """{"kind":"Status","reason":"Forbidden"}""" };
        using var discovery = new KubernetesPodDiscovery(Settings(api), NoLogger.Instance);

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => discovery.Lookup(new Lookup("streamline", "management"), ResolveTimeout));
        Assert.Contains("namespace 'streamline'", error.Message);
        Assert.Contains("k8s/role.yaml", error.Message);
    }

    [Fact]
    public async Task Outside_kubernetes_the_lookup_says_which_variables_are_missing()
    {
        var settings = new KubernetesPodDiscoverySettings
        {
            ApiServiceHostEnvName = "STREAMLINE_TEST_UNSET_K8S_HOST",
            ApiServicePortEnvName = "STREAMLINE_TEST_UNSET_K8S_PORT",
            PodNamespace = "streamline",
        };
        using var discovery = new KubernetesPodDiscovery(settings, NoLogger.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => discovery.Lookup(new Lookup("streamline", "management"), ResolveTimeout));
        Assert.Contains("STREAMLINE_TEST_UNSET_K8S_HOST", error.Message);
        Assert.Contains("api-url", error.Message);
    }

    [Fact]
    public async Task Akka_discovery_loads_it_for_the_kubernetes_api_method_of_k8s_conf()
    {
        var config = ConfigurationFactory.ParseString("""
            akka.actor.provider = local
            akka.loglevel = WARNING
            akka.coordinated-shutdown.exit-clr = off
            akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
            """)
            .WithFallback(ClusterConfigFiles.Load("k8s.conf"))
            .WithFallback(RuntimeConfig.Default());
        var system = ActorSystem.Create("streamline", config);
        try
        {
            Assert.IsType<KubernetesPodDiscovery>(Discovery.Get(system).Default);
            var settings = KubernetesPodDiscoverySettings.FromConfig(system.Settings.Config.GetConfig(KubernetesPodDiscoverySettings.Path));
            Assert.Equal("app={0}", settings.PodLabelSelector);
            Assert.True(settings.UseRawIp);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Theory]
    [InlineData("all-namespaces = on", "all-namespaces")]
    [InlineData("pod-label-selector = \"app=streamline\"", "pod-label-selector")]
    [InlineData("api-url = \"api-server:6443\"", "api-url")]
    public void Unsupported_or_bad_settings_fail_naming_the_setting(string setting, string key)
    {
        var section = ConfigurationFactory.ParseString(setting);
        var error = Assert.Throws<ConfigurationException>(() => KubernetesPodDiscoverySettings.FromConfig(section));
        Assert.Contains($"akka.discovery.kubernetes-api.{key}", error.Message);
    }

    private static KubernetesPodDiscoverySettings Settings(FakeKubernetesApi api) => new()
    {
        ApiUrl = api.Url,
        PodNamespace = "streamline",
        ApiTokenPath = "/nonexistent/token",
        ApiCaPath = "/nonexistent/ca.crt",
    };
}
