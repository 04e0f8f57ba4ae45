using Streamline.Kafka.Embedded;
using Streamline.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Streamline.IntegrationTests.Checkpoints;

/// <summary>
/// Slow, real processes: three `streamline node` processes with their journal and checkpoints in a
/// private PostgreSQL run the keyed windowed sensor-sums pipeline while input keeps arriving. One
/// node is killed with SIGKILL: the oldest member, which hosts the singletons (the pipeline manager
/// and Akka's shard coordinator) besides tasks, or another member that runs only tasks. The split
/// brain resolver downs it, the singletons move, the coordinator redeploys every task on the
/// survivors from the last checkpoint, and every window sum ever written equals the sum computed
/// from the input.
/// </summary>
[Trait("Category", "MultiNode")]
public sealed class ClusterKillTests(ITestOutputHelper output) : IDisposable
{
    private readonly EmbeddedKafka _kafka = EmbeddedKafka.Start();
    private readonly PostgresInstance _postgres = new();
    private readonly NodeGroup _nodes = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("streamline-cluster-eo-").FullName;

    public void Dispose()
    {
        _nodes.Dispose();
        _kafka.Dispose();
        _postgres.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Killing_a_node_of_a_three_node_cluster_mid_stream_neither_loses_nor_double_counts_with_PostgreSQL(bool oldest)
    {
        var stream = new SensorStream(_kafka);
        stream.CreateTopics();
        var database = _postgres.CreateDatabase();
        var ports = Enumerable.Range(0, 3).Select(_ => LoopbackPort.Free()).ToArray();
        var configs = ports.Select((port, i) => WriteConfig(i, port, ports[0], database)).ToArray();
        using var stop = new CancellationTokenSource();
        var producing = stream.ProduceUntil(stop.Token, perSecond: 3000);

        var first = new NodeProcess(configs[0], "--kafka", _kafka.BootstrapServers, "--submit", "sensor-sums");
        _nodes.Add(first);
        _nodes.Add(new NodeProcess(configs[1], "--kafka", _kafka.BootstrapServers));
        _nodes.Add(new NodeProcess(configs[2], "--kafka", _kafka.BootstrapServers));
        await _nodes.WithLogs(first.WaitForLine(l => l.Contains("task sensor-sums/v1#2"), TimeSpan.FromSeconds(90)));
        var checkpoint = await _nodes.NextCheckpoint(first, 0, TimeSpan.FromSeconds(60));
        checkpoint = await _nodes.NextCheckpoint(first, checkpoint, TimeSpan.FromSeconds(60));
        var victim = _nodes.Last(n => oldest == n.Output.Contains("Singleton manager started singleton actor [akka://streamline/user/streamline-pipelines/singleton]"));
        // Not a synchronization: the kill lands at a random moment between checkpoints.
        await Task.Delay(Random.Shared.Next(100, 800));
        victim.Kill();
        output.WriteLine($"killed node {_nodes.IndexOf(victim)} ({(oldest ? "the oldest, hosting the singletons" : "a task node")}) after checkpoint {checkpoint}; {stream.Produced} readings produced so far");

        // Input keeps arriving while the survivors take over.
        var killed = DateTime.UtcNow;
        var before = stream.Produced;
        while (stream.Produced < before + 6000) await Task.Delay(50);
        stop.Cancel();
        await producing;
        stream.ProduceEndMarkers();

        var expected = SensorStream.Expected(stream.Produced);
        var sums = stream.ReadSums(expected.Keys, TimeSpan.FromSeconds(120));
        output.WriteLine($"{stream.Produced} readings, {expected.Count} windows, {sums.Count} sums written ({sums.Count - sums.Select(s => s.Window).Distinct().Count()} re-emitted after the restore), {(DateTime.UtcNow - killed).TotalSeconds:F1} s after the kill");
        if (SensorStream.Mismatch(expected, sums) is { } mismatch) Assert.Fail(mismatch + "\n" + _nodes.Logs());
    }

    private string WriteConfig(int index, int port, int seedPort, string connectionString)
    {
        var persistence = Runtime.Checkpoints.CheckpointPersistenceConfig.Text(connectionString, Runtime.Checkpoints.CheckpointPersistenceConfig.PostgresProviderName);
        // INFO: the test finds the node that hosts the pipeline manager from its log.
        return NodeConfig.Write(Path.Combine(_dir, $"node{index}.conf"), port, $"""
            akka.cluster.min-nr-of-members = 3
            # A killed node is downed within seconds, not the production 20 s.
            akka.cluster.split-brain-resolver.stable-after = 3s
            akka.cluster.failure-detector.acceptable-heartbeat-pause = 2s
            streamline.runtime.checkpoints.interval = 300ms
            streamline.runtime.coordinator.restart-backoff = 100ms
            {persistence}
            """, seedPort, logLevel: "INFO");
    }
}
