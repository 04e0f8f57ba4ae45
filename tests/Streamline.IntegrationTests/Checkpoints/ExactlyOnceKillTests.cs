using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Streamline.IntegrationTests.MultiNode;
using Streamline.Kafka.Embedded;
using Xunit;
using Xunit.Abstractions;

namespace Streamline.IntegrationTests.Checkpoints;

/// <summary>
/// Slow, real processes: a `streamline node` running the keyed windowed sensor-sums pipeline from
/// embedded Kafka to Kafka is killed (SIGKILL, no shutdown) several times mid-stream while input
/// keeps arriving, and restarted; it resumes from its last checkpoint in a SQLite file. Every
/// window sum it ever wrote must equal the sum computed from the input: a lost record makes a sum
/// smaller, a record counted twice makes it larger.
/// </summary>
[Trait("Category", "MultiNode")]
public sealed partial class ExactlyOnceKillTests(ITestOutputHelper output) : IDisposable
{
    private readonly EmbeddedKafka _kafka = EmbeddedKafka.Start();
    private readonly List<NodeProcess> _nodes = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("streamline-eo-").FullName;

    public void Dispose()
    {
        foreach (var n in _nodes) n.Dispose();
        _kafka.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Killing_a_single_node_mid_stream_repeatedly_neither_loses_nor_double_counts_with_SQLite()
    {
        var stream = new SensorStream(_kafka);
        stream.CreateTopics();
        var config = WriteConfig($"""streamline.runtime.checkpoints.sqlite-path = "{Path.Combine(_dir, "state.db")}" """);
        using var stop = new CancellationTokenSource();
        var producing = stream.ProduceUntil(stop.Token, perSecond: 3000);

        var lastCheckpoint = 0L;
        for (var kill = 0; kill < 3; kill++)
        {
            var node = Start(config);
            // Wait for two checkpoints of this run: state is being written while records flow.
            var first = await NextCheckpoint(node, lastCheckpoint, TimeSpan.FromSeconds(60));
            lastCheckpoint = await NextCheckpoint(node, first, TimeSpan.FromSeconds(60));
            if (kill > 0) Assert.Contains("restored checkpoint", node.Output);
            // Not a synchronization: the kill lands at a random moment between checkpoints, so
            // records after the last one were already processed (and some windows written).
            await Task.Delay(Random.Shared.Next(100, 800));
            node.Kill();
            output.WriteLine($"kill {kill + 1}: after checkpoint {lastCheckpoint}, {stream.Produced} readings produced so far");
        }

        stop.Cancel();
        await producing;
        stream.ProduceEndMarkers();
        var final = Start(config);
        await final.WaitForLine(l => l.Contains("restored checkpoint"), TimeSpan.FromSeconds(60));

        var expected = SensorStream.Expected(stream.Produced);
        var sums = stream.ReadSums(expected.Keys, TimeSpan.FromSeconds(120));
        var wrong = sums.Where(s => !expected.TryGetValue(s.Window, out var e) || e != s.Sum).ToList();
        var missing = expected.Keys.Except(sums.Select(s => s.Window)).ToList();
        output.WriteLine($"{stream.Produced} readings, {expected.Count} windows, {sums.Count} sums written ({sums.Count - sums.Select(s => s.Window).Distinct().Count()} re-emitted after restores)");
        Assert.True(wrong.Count == 0, $"{wrong.Count} sums differ from the input's, e.g. " +
            string.Join("; ", wrong.Take(5).Select(w => $"{w.Window}: wrote {w.Sum}, expected {expected.GetValueOrDefault(w.Window)}")) + "\n" + Logs());
        Assert.True(missing.Count == 0, $"{missing.Count} windows never written, e.g. {string.Join(", ", missing.Take(5))}\n" + Logs());
    }

    private NodeProcess Start(string config)
    {
        var node = new NodeProcess(config, "--kafka", _kafka.BootstrapServers, "--submit", "sensor-sums");
        _nodes.Add(node);
        return node;
    }

    private static async Task<long> NextCheckpoint(NodeProcess node, long after, TimeSpan timeout)
    {
        var line = await node.WaitForLine(l => CheckpointLine().Match(l) is { Success: true } m && long.Parse(m.Groups[1].Value) > after, timeout);
        return long.Parse(CheckpointLine().Match(line).Groups[1].Value);
    }

    private string Logs() => string.Join("\n---\n", _nodes.Select(n => n.Output));

    private string WriteConfig(string extra)
    {
        var port = FreePort();
        var file = Path.Combine(_dir, "node.conf");
        File.WriteAllText(file, $$"""
            akka.actor.provider = cluster
            akka.loglevel = WARNING
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = {{port}} }
            akka.cluster.seed-nodes = ["akka.tcp://streamline@127.0.0.1:{{port}}"]
            streamline.runtime.checkpoints.interval = 300ms
            streamline.runtime.coordinator.restart-backoff = 100ms
            {{extra}}
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
