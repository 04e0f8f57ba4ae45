using System.Text.Json;
using System.Text.RegularExpressions;
using Confluent.Kafka;
using Streamline.Kafka.Embedded;
using Streamline.TestSupport;
using Xunit;

namespace Streamline.IntegrationTests.MultiNode;

/// <summary>
/// Slow, multi-process: three `streamline node` processes on loopback form one cluster and run a
/// keyed windowed pipeline from embedded Kafka to Kafka.
/// </summary>
[Trait("Category", "MultiNode")]
public sealed class ThreeNodeClusterTests : IDisposable
{
    private readonly EmbeddedKafka _kafka = EmbeddedKafka.Start();
    private readonly List<NodeProcess> _nodes = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("streamline-cluster-").FullName;

    public sealed record Reading(string Sensor, long Time, int Value);

    public void Dispose()
    {
        foreach (var n in _nodes) n.Dispose();
        _kafka.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Three_node_processes_run_a_keyed_windowed_pipeline_from_Kafka_to_Kafka_with_the_exact_result()
    {
        _kafka.CreateTopic("readings", 6);
        _kafka.CreateTopic("sums", 3);
        var readings = Enumerable.Range(0, 30_000).Select(i => new Reading($"s{i % 23}", 1_000_000 + i * 5L, i % 7)).ToList();
        Produce(readings);

        var ports = Enumerable.Range(0, 3).Select(_ => LoopbackPort.Free()).ToArray();
        var configs = ports.Select((port, i) => WriteConfig(i, port, ports[0])).ToArray();
        _nodes.Add(new NodeProcess(configs[0], "--kafka", _kafka.BootstrapServers, "--submit", "sensor-sums"));
        _nodes.Add(new NodeProcess(configs[1], "--kafka", _kafka.BootstrapServers));
        _nodes.Add(new NodeProcess(configs[2], "--kafka", _kafka.BootstrapServers));
        try
        {
            foreach (var n in _nodes) await n.WaitForLine(l => l.Contains(" is Up"), TimeSpan.FromSeconds(60));
            await _nodes[0].WaitForLine(l => l.Contains("task sensor-sums/v1#2"), TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            Assert.Fail("the cluster did not start:\n" + string.Join("\n---\n", _nodes.Select(n => n.Output)));
        }

        var expected = readings.GroupBy(r => (r.Sensor, r.Time / 10_000 * 10_000)).ToDictionary(g => g.Key, g => (long)g.Sum(r => r.Value));
        var actual = Consume(expected.Count, TimeSpan.FromSeconds(90));
        Assert.Equal(expected.OrderBy(kv => kv.Key).ToList(), actual.OrderBy(kv => kv.Key).ToList());

        var placement = _nodes[0].Output.Split('\n').Where(l => l.Contains("  task ")).Select(l => l[(l.LastIndexOf(" on ", StringComparison.Ordinal) + 4)..]).Distinct().ToList();
        Assert.True(placement.Count >= 2, $"tasks should spread over the cluster, ran on: {string.Join(", ", placement)}");
    }

    [Fact]
    public async Task When_a_node_leaves_gracefully_its_tasks_move_and_the_pipeline_keeps_producing()
    {
        _kafka.CreateTopic("readings", 6);
        _kafka.CreateTopic("sums", 3);
        var first = Enumerable.Range(0, 5_000).Select(i => new Reading($"s{i % 11}", 1_000_000 + i * 5L, 1)).ToList();
        Produce(first, endAt: 10_000_000_000);
        var ports = Enumerable.Range(0, 3).Select(_ => LoopbackPort.Free()).ToArray();
        var configs = ports.Select((port, i) => WriteConfig(i, port, ports[0])).ToArray();
        _nodes.Add(new NodeProcess(configs[0], "--kafka", _kafka.BootstrapServers, "--submit", "sensor-sums"));
        _nodes.Add(new NodeProcess(configs[1], "--kafka", _kafka.BootstrapServers));
        _nodes.Add(new NodeProcess(configs[2], "--kafka", _kafka.BootstrapServers));
        foreach (var n in _nodes) await n.WaitForLine(l => l.Contains(" is Up"), TimeSpan.FromSeconds(60));
        await _nodes[0].WaitForLine(l => l.Contains("task sensor-sums/v1#2"), TimeSpan.FromSeconds(60));
        var firstExpected = Expected(first);
        Assert.Equal(firstExpected.OrderBy(kv => kv.Key).ToList(), Latest(firstExpected.Keys, TimeSpan.FromSeconds(60)).OrderBy(kv => kv.Key).ToList());

        var exit = await _nodes[2].TerminateAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, exit);
        Assert.Contains("left the cluster", _nodes[2].Output);

        // Records produced after the leave are processed by the tasks' new places. (Without
        // checkpoints the pipeline restarts from the earliest offsets: earlier windows repeat.)
        var second = Enumerable.Range(0, 5_000).Select(i => new Reading($"s{i % 11}", 20_000_000_000 + i * 5L, 2)).ToList();
        Produce(second, endAt: 30_000_000_000);
        var secondExpected = Expected(second);
        var secondActual = Latest(secondExpected.Keys, TimeSpan.FromSeconds(90));
        // The coordinator redeployed onto the two remaining nodes, and reports it: epoch 1 after one
        // restart, or a later epoch when the leaving node was the oldest and the coordinator moved
        // with the singletons (its new incarnation deploys the next epoch).
        Assert.True(Regex.IsMatch(_nodes[0].Output, @"pipeline sensor-sums: Running \(epoch [1-9]\d*, "), "no redeployment reported:\n" + string.Join("\n---\n", _nodes.Select(n => n.Output)));
        Assert.True(secondExpected.Count == secondActual.Count, "no progress after the leave:\n" + string.Join("\n---\n", _nodes.Select(n => n.Output)));
        Assert.Equal(secondExpected.OrderBy(kv => kv.Key).ToList(), secondActual.OrderBy(kv => kv.Key).ToList());
    }

    private static Dictionary<(string, long), long> Expected(IEnumerable<Reading> readings) =>
        readings.GroupBy(r => (r.Sensor, r.Time / 10_000 * 10_000)).ToDictionary(g => g.Key, g => (long)g.Sum(r => r.Value));

    /// <summary>The last value emitted for each of <paramref name="keys"/> (windows may be emitted again after a restart).</summary>
    private Dictionary<(string, long), long> Latest(IEnumerable<(string, long)> keys, TimeSpan timeout)
    {
        var wanted = keys.ToHashSet();
        using var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig { BootstrapServers = _kafka.BootstrapServers, GroupId = "verify-latest", EnableAutoCommit = false }).Build();
        consumer.Assign(Enumerable.Range(0, 3).Select(p => new TopicPartitionOffset("sums", p, Offset.Beginning)));
        var result = new Dictionary<(string, long), long>();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !wanted.All(result.ContainsKey))
        {
            var m = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (m is null) continue;
            var sum = JsonDocument.Parse(m.Message.Value).RootElement;
            var key = (sum.GetProperty("sensor").GetString()!, sum.GetProperty("windowStart").GetInt64());
            if (wanted.Contains(key)) result[key] = sum.GetProperty("sum").GetInt64();
        }
        return result;
    }

    private void Produce(List<Reading> readings, long endAt = 10_000_000_000)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = _kafka.BootstrapServers, LingerMs = 5 }).Build();
        foreach (var r in readings) producer.Produce("readings", new Message<string, string> { Key = r.Sensor, Value = JsonSerializer.Serialize(r, JsonSerializerOptions.Web) });
        // One far-future reading per partition moves every partition's watermark past the last window.
        for (var p = 0; p < 6; p++)
            producer.Produce(new TopicPartition("readings", p), new Message<string, string> { Key = "end", Value = JsonSerializer.Serialize(new Reading($"end-{p}", endAt, 0), JsonSerializerOptions.Web) });
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    private Dictionary<(string, long), long> Consume(int expected, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig { BootstrapServers = _kafka.BootstrapServers, GroupId = "verify", EnableAutoCommit = false }).Build();
        consumer.Assign(Enumerable.Range(0, 3).Select(p => new TopicPartitionOffset("sums", p, Offset.Beginning)));
        var result = new Dictionary<(string, long), long>();
        var deadline = DateTime.UtcNow + timeout;
        while (result.Count(kv => !kv.Key.Item1.StartsWith("end", StringComparison.Ordinal)) < expected && DateTime.UtcNow < deadline)
        {
            var m = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (m is null) continue;
            var sum = JsonDocument.Parse(m.Message.Value).RootElement;
            var key = (sum.GetProperty("sensor").GetString()!, sum.GetProperty("windowStart").GetInt64());
            Assert.False(result.ContainsKey(key), $"window {key} was emitted twice");
            result[key] = sum.GetProperty("sum").GetInt64();
        }
        return result.Where(kv => !kv.Key.Item1.StartsWith("end", StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    private string WriteConfig(int index, int port, int seedPort) =>
        NodeConfig.Write(Path.Combine(_dir, $"node{index}.conf"), port, $$"""
            akka.cluster.min-nr-of-members = 3
            streamline.runtime.checkpoints.sqlite-path = "{{Path.Combine(_dir, "state.db")}}"
            # These tests are about placement and redeployment, not recovery (see Checkpoints/).
            streamline.runtime.checkpoints.interval = off
            """, seedPort);
}
