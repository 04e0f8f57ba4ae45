using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Streamline.IntegrationTests.MultiNode;
using Streamline.Kafka.Embedded;
using Streamline.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Streamline.IntegrationTests.Checkpoints;

/// <summary>
/// Slow, real processes: three `streamline node` processes with their journal and checkpoints in a
/// private PostgreSQL run the keyed windowed sensor-sums pipeline while input keeps arriving. A
/// node running tasks is killed with SIGKILL. The split brain resolver downs it, the coordinator
/// redeploys every task on the survivors from the last checkpoint, and every window sum ever
/// written equals the sum computed from the input.
/// </summary>
[Trait("Category", "MultiNode")]
public sealed partial class ClusterKillTests(ITestOutputHelper output) : IDisposable
{
    private readonly EmbeddedKafka _kafka = EmbeddedKafka.Start();
    private readonly PostgresInstance _postgres = new();
    private readonly List<NodeProcess> _nodes = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("streamline-cluster-eo-").FullName;

    public void Dispose()
    {
        foreach (var n in _nodes) n.Dispose();
        _kafka.Dispose();
        _postgres.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Killing_a_node_of_a_three_node_cluster_mid_stream_neither_loses_nor_double_counts_with_PostgreSQL()
    {
        var stream = new SensorStream(_kafka);
        stream.CreateTopics();
        var database = _postgres.CreateDatabase();
        var ports = Enumerable.Range(0, 3).Select(_ => FreePort()).ToArray();
        var configs = ports.Select((port, i) => WriteConfig(i, port, ports[0], database)).ToArray();
        using var stop = new CancellationTokenSource();
        var producing = stream.ProduceUntil(stop.Token, perSecond: 3000);

        var first = new NodeProcess(configs[0], "--kafka", _kafka.BootstrapServers, "--submit", "sensor-sums");
        _nodes.Add(first);
        _nodes.Add(new NodeProcess(configs[1], "--kafka", _kafka.BootstrapServers));
        _nodes.Add(new NodeProcess(configs[2], "--kafka", _kafka.BootstrapServers));
        await WithLogs(first.WaitForLine(l => l.Contains("task sensor-sums/v1#2"), TimeSpan.FromSeconds(90)));
        var checkpoint = await NextCheckpoint(first, 0, TimeSpan.FromSeconds(60));
        checkpoint = await NextCheckpoint(first, checkpoint, TimeSpan.FromSeconds(60));
        // A node that runs tasks but not the singletons dies. (Killing the oldest member, which also
        // hosts Akka's shard coordinator, stalls the reallocation of its shards in Akka.Cluster.Sharding
        // 1.5.73 — see docs/operations.md, "Known limits".)
        var victim = _nodes.Last(n => !n.Output.Contains("Singleton manager started singleton actor [akka://streamline/user/streamline-pipelines/singleton]"));
        // Not a synchronization: the kill lands at a random moment between checkpoints.
        await Task.Delay(Random.Shared.Next(100, 800));
        victim.Kill();
        output.WriteLine($"killed node {_nodes.IndexOf(victim)} after checkpoint {checkpoint}; {stream.Produced} readings produced so far");

        // Input keeps arriving while the survivors take over.
        var killed = DateTime.UtcNow;
        var before = stream.Produced;
        while (stream.Produced < before + 6000) await Task.Delay(50);
        stop.Cancel();
        await producing;
        stream.ProduceEndMarkers();

        var expected = SensorStream.Expected(stream.Produced);
        var sums = stream.ReadSums(expected.Keys, TimeSpan.FromSeconds(120));
        var wrong = sums.Where(s => !expected.TryGetValue(s.Window, out var e) || e != s.Sum).ToList();
        var missing = expected.Keys.Except(sums.Select(s => s.Window)).ToList();
        output.WriteLine($"{stream.Produced} readings, {expected.Count} windows, {sums.Count} sums written ({sums.Count - sums.Select(s => s.Window).Distinct().Count()} re-emitted after the restore), {(DateTime.UtcNow - killed).TotalSeconds:F1} s after the kill");
        Assert.True(wrong.Count == 0, $"{wrong.Count} sums differ from the input's, e.g. " +
            string.Join("; ", wrong.Take(5).Select(w => $"{w.Window}: wrote {w.Sum}, expected {expected.GetValueOrDefault(w.Window)}")) + "\n" + Logs());
        Assert.True(missing.Count == 0, $"{missing.Count} windows never written, e.g. {string.Join(", ", missing.Take(5))}\n" + Logs());
    }

    private async Task<long> NextCheckpoint(NodeProcess node, long after, TimeSpan timeout)
    {
        var line = await WithLogs(node.WaitForLine(l => CheckpointLine().Match(l) is { Success: true } m && long.Parse(m.Groups[1].Value) > after, timeout));
        return long.Parse(CheckpointLine().Match(line).Groups[1].Value);
    }

    private async Task<T> WithLogs<T>(Task<T> wait)
    {
        try
        {
            return await wait;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("timed out; node output:\n" + Logs());
        }
    }

    private string Logs() => string.Join("\n---\n", _nodes.Select(n => n.Output));

    private string WriteConfig(int index, int port, int seedPort, string connectionString)
    {
        var file = Path.Combine(_dir, $"node{index}.conf");
        var persistence = Runtime.Checkpoints.CheckpointPersistenceConfig.Text(connectionString, Runtime.Checkpoints.CheckpointPersistenceConfig.PostgresProviderName);
        File.WriteAllText(file, $$"""
            akka.actor.provider = cluster
            # INFO: the test finds the node that hosts the pipeline manager from its log.
            akka.loglevel = INFO
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = {{port}} }
            akka.cluster.seed-nodes = ["akka.tcp://streamline@127.0.0.1:{{seedPort}}"]
            akka.cluster.min-nr-of-members = 3
            # A killed node is downed within seconds, not the production 20 s.
            akka.cluster.split-brain-resolver.stable-after = 3s
            akka.cluster.failure-detector.acceptable-heartbeat-pause = 2s
            streamline.runtime.checkpoints.interval = 300ms
            streamline.runtime.coordinator.restart-backoff = 100ms
            {{persistence}}
            """, Encoding.UTF8);
        return file;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [GeneratedRegex(@"checkpoint (\d+) completed")]
    private static partial Regex CheckpointLine();
}
