using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Configuration.Hocon;
using Xunit;
using Streamline.Runtime.Tests.Cluster;

namespace Streamline.Runtime.Tests.Configuration;

/// <summary>The deployable files in cluster-config/ parse, layer over base.conf and keep the settings the runtime relies on.</summary>
public sealed class ClusterConfigTests
{
    private static readonly string ConfigDirectory = Path.Combine(RepoRoot(), "cluster-config");

    private static readonly string[] FileNames = ["base.conf", "single-node.conf", "cluster.conf", "k8s.conf"];

    public static TheoryData<string> Files() => new(FileNames);

    [Fact]
    public void Every_conf_file_in_cluster_config_is_covered()
    {
        var onDisk = Directory.GetFiles(ConfigDirectory, "*.conf").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(FileNames.Order().ToArray(), onDisk);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_runs_a_cluster_node_with_the_split_brain_resolver(string file)
    {
        var config = Load(file);
        Assert.Equal("cluster", config.GetString("akka.actor.provider"));
        Assert.Equal("Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster", config.GetString("akka.cluster.downing-provider-class"));
        Assert.Equal("keep-majority", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Equal(TimeSpan.FromSeconds(20), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_never_passivates_or_remembers_tasks_and_leaves_gracefully(string file)
    {
        var config = Load(file);
        Assert.Equal("off", config.GetString("akka.cluster.sharding.passivate-idle-entity-after"));
        Assert.False(config.GetBoolean("akka.cluster.sharding.remember-entities"));
        Assert.Equal("ddata", config.GetString("akka.cluster.sharding.state-store-mode"));
        Assert.True(config.GetBoolean("akka.coordinated-shutdown.exit-clr"));
        Assert.True(config.GetBoolean("akka.coordinated-shutdown.run-by-clr-shutdown-hook"));
        // Shard hand-off must fit in the shutdown phase that runs it.
        Assert.True(config.GetTimeSpan("akka.cluster.sharding.handoff-timeout")
                    <= config.GetTimeSpan("akka.coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_sizes_remote_frames_for_a_full_record_batch_and_keeps_streamline_defaults(string file)
    {
        var config = Load(file);
        Assert.True(config.GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size") >= 8L * 1024 * 1024);
        Assert.Equal(512, config.GetInt("streamline.max-batch-size"));
        Assert.Equal(128, config.GetInt("streamline.max-parallelism"));
        Assert.Equal(8, config.GetInt("streamline.runtime.exchange.credits"));
    }

    [Fact]
    public void Single_node_joins_itself()
    {
        var config = Load("single-node.conf");
        var self = $"akka.tcp://streamline@{config.GetString("akka.remote.dot-netty.tcp.hostname")}:{config.GetInt("akka.remote.dot-netty.tcp.port")}";
        Assert.Equal(new[] { self }, config.GetStringList("akka.cluster.seed-nodes"));
        Assert.Equal(1, config.GetInt("akka.cluster.min-nr-of-members"));
    }

    [Fact]
    public void Cluster_has_three_loopback_seeds_and_waits_for_three_members()
    {
        var config = Load("cluster.conf");
        Assert.Equal(
            new[] { "akka.tcp://streamline@127.0.0.1:4053", "akka.tcp://streamline@127.0.0.1:4054", "akka.tcp://streamline@127.0.0.1:4055" },
            config.GetStringList("akka.cluster.seed-nodes"));
        Assert.Equal(3, config.GetInt("akka.cluster.min-nr-of-members"));
        Assert.Equal(4053, config.GetInt("akka.remote.dot-netty.tcp.port"));
    }

    [Fact]
    public void K8s_bootstraps_through_the_kubernetes_api_without_seed_nodes()
    {
        var config = Load("k8s.conf");
        Assert.Empty(config.GetStringList("akka.cluster.seed-nodes"));
        Assert.Equal("kubernetes-api", config.GetString("akka.discovery.method"));
        Assert.Equal("kubernetes-api", config.GetString("akka.management.cluster.bootstrap.contact-point-discovery.discovery-method"));
        Assert.Equal("streamline", config.GetString("akka.management.cluster.bootstrap.contact-point-discovery.service-name"));
        Assert.Equal("management", config.GetString("akka.management.cluster.bootstrap.contact-point-discovery.port-name"));
        Assert.Equal(3, config.GetInt("akka.management.cluster.bootstrap.contact-point-discovery.required-contact-point-nr"));
        Assert.Equal("app={0}", config.GetString("akka.discovery.kubernetes-api.pod-label-selector"));
        Assert.Equal(8558, config.GetInt("akka.management.http.port"));
        Assert.Equal(4053, config.GetInt("akka.remote.dot-netty.tcp.port"));
    }

    [Fact]
    public void Akka_hocon_does_not_read_environment_variables_and_blanks_an_optional_substitution()
    {
        // Why the files use no ${?VAR}: the parser ignores the environment (PATH is always set) and
        // an optional substitution overwrites the earlier value with an empty one.
        var config = ConfigurationFactory.ParseString("""
            a.port = 4053
            a.port = ${?STREAMLINE_PORT}
            a.path = ${?PATH}
            """);
        Assert.True(string.IsNullOrEmpty(config.GetString("a.port")));
        Assert.True(string.IsNullOrEmpty(config.GetString("a.path")));
        foreach (var file in FileNames)
            Assert.DoesNotContain(File.ReadLines(Path.Combine(ConfigDirectory, file)),
                line => !line.TrimStart().StartsWith('#') && line.Contains("${?", StringComparison.Ordinal));
    }

    [Fact]
    public void Environment_overrides_table_maps_variables_onto_existing_settings()
    {
        var config = Load("cluster.conf");
        var table = config.GetConfig("streamline.environment-overrides");
        Assert.Equal("akka.remote.dot-netty.tcp.port", table.GetString("STREAMLINE_PORT"));
        Assert.Equal("akka.remote.dot-netty.tcp.hostname", table.GetString("STREAMLINE_HOSTNAME"));
        Assert.Equal("akka.cluster.seed-nodes", table.GetString("STREAMLINE_SEED_NODES"));
        Assert.Equal("streamline.runtime.exchange.credits", table.GetString("STREAMLINE_EXCHANGE_CREDITS"));

        var overridden = ApplyOverrides(config, new Dictionary<string, string>
        {
            ["STREAMLINE_PORT"] = "4054",
            ["STREAMLINE_SEED_NODES"] = "akka.tcp://streamline@10.0.0.1:4053,akka.tcp://streamline@10.0.0.2:4053",
            ["STREAMLINE_EXCHANGE_CREDITS"] = "16",
            ["STREAMLINE_KAFKA_BOOTSTRAP_SERVERS"] = "kafka:9092",
        });

        Assert.Equal(4054, overridden.GetInt("akka.remote.dot-netty.tcp.port"));
        Assert.Equal(new[] { "akka.tcp://streamline@10.0.0.1:4053", "akka.tcp://streamline@10.0.0.2:4053" }, overridden.GetStringList("akka.cluster.seed-nodes"));
        Assert.Equal(16, overridden.GetInt("streamline.runtime.exchange.credits"));
        Assert.Equal("kafka:9092", overridden.GetString("streamline.kafka.consumer.bootstrap-servers"));
        Assert.Equal("kafka:9092", overridden.GetString("streamline.kafka.producer.bootstrap-servers"));
        // Unset variables keep the file's value.
        Assert.Equal("127.0.0.1", overridden.GetString("akka.remote.dot-netty.tcp.hostname"));
    }

    [Fact]
    public async Task Single_node_config_starts_an_actor_system_that_joins_itself_and_hosts_a_shard_region()
    {
        // Port 0 and a manual self-join keep the test off fixed ports; exit-clr off keeps the test host alive.
        var config = ConfigurationFactory.ParseString("""
            akka.remote.dot-netty.tcp.port = 0
            akka.cluster.seed-nodes = []
            akka.coordinated-shutdown.exit-clr = off
            akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
            akka.loglevel = WARNING
            """).WithFallback(Load("single-node.conf")).WithFallback(RuntimeConfig.Default());
        var system = ActorSystem.Create("streamline", config);
        try
        {
            await Membership.JoinAsync(system, timeout: TimeSpan.FromSeconds(20));

            // ClusterSharding.Get adds the sharding reference.conf under the files' settings.
            var sharding = ClusterSharding.Get(system);
            var settings = ClusterShardingSettings.Create(system);
            Assert.Equal(StateStoreMode.DData, settings.StateStoreMode);
            Assert.False(settings.RememberEntities);
            Assert.Equal(TimeSpan.Zero, settings.PassivateIdleEntityAfter);
            var region = await sharding.StartAsync("config-probe", Props.Create<EchoActor>(), settings, new EchoExtractor());
            Assert.Equal("pong", await region.Ask<string>(("e1", "pong"), TimeSpan.FromSeconds(10)));
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>
    /// The contract the node applies: each variable set in <paramref name="environment"/> replaces the
    /// path(s) it names in streamline.environment-overrides; a list-valued path takes a comma-separated value.
    /// </summary>
    private static Akka.Configuration.Config ApplyOverrides(Akka.Configuration.Config config, IReadOnlyDictionary<string, string> environment) =>
        EnvironmentOverrides.Apply(config, environment);

    private static Akka.Configuration.Config Load(string file) =>
        ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(ConfigDirectory, file)),
            include => Parser.Parse(File.ReadAllText(Path.Combine(ConfigDirectory, include)), null));

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Streamline.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Streamline.sln not found above {AppContext.BaseDirectory}");
    }

    private sealed class EchoActor : ReceiveActor
    {
        public EchoActor() => Receive<string>(s => Sender.Tell(s));
    }

    private sealed class EchoExtractor : HashCodeMessageExtractor
    {
        public EchoExtractor() : base(8) { }

        public override string EntityId(object message) => message is ValueTuple<string, string> m ? m.Item1 : null!;

        public override object EntityMessage(object message) => message is ValueTuple<string, string> m ? m.Item2 : message;
    }
}
