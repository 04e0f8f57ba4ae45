using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Core.Graph;
using Streamline.Core.Serdes;
using Streamline.Core.Sinks;
using Streamline.Core.Time;
using Streamline.Core.Windows;
using Streamline.Runtime.Node;
using Streamline.Runtime.Coordination;
using Xunit;

namespace Streamline.Runtime.Tests.Cluster;

/// <summary>Three cluster nodes (ActorSystems on loopback TCP in one process) running one pipeline's tasks.</summary>
public sealed class InProcessClusterTests : IAsyncLifetime
{
    private static readonly Akka.Configuration.Config NodeConfig = ConfigurationFactory.ParseString("""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        akka.loglevel = WARNING
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        akka.coordinated-shutdown.terminate-actor-system = off
        akka.cluster.min-nr-of-members = 3
        akka.cluster.sharding.least-shard-allocation-strategy.rebalance-absolute-limit = 20
        """).WithFallback(RuntimeConfig.Default());

    private readonly List<ActorSystem> _nodes = new();

    public sealed record Reading(string Sensor, long Time, int Value);

    public async Task InitializeAsync()
    {
        for (var i = 0; i < 3; i++) _nodes.Add(ActorSystem.Create("streamline", NodeConfig));
        await Membership.JoinAllAsync(_nodes);
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_nodes.Select(n => n.Terminate()));
    }

    private static PipelineDefinition SensorSums(IEnumerable<Reading> readings, CollectionSink<WindowResult<string, double>> sink)
    {
        var p = PipelineBuilder.Create("sensor-sums", defaultParallelism: 3).WithSerde(Serdes.Json<Reading>());
        p.FromCollection(readings, WatermarkStrategy<Reading>.ForBoundedOutOfOrderness(TimeSpan.FromSeconds(1)).WithTimestampAssigner(r => r.Time))
            .KeyBy(r => r.Sensor)
            .Window(TumblingEventTimeWindows.Of(TimeSpan.FromSeconds(5)))
            .Aggregate(Aggregates.Sum<Reading>(r => r.Value))
            .To(sink, "sums");
        return p.Build();
    }

    [Fact]
    public async Task A_keyed_windowed_pipeline_spreads_over_three_nodes_and_gives_the_exact_result()
    {
        var readings = Enumerable.Range(0, 20_000).Select(i => new Reading($"s{i % 37}", i * 2L, i % 11)).ToList();
        var sink = new CollectionSink<WindowResult<string, double>>();
        var nodes = _nodes.Select(system =>
        {
            var registry = new PipelineRegistry();
            registry.Register("sensor-sums", () => SensorSums(readings, sink));
            return StreamlineNode.Start(system, registry);
        }).ToList();

        var handle = await nodes[0].SubmitAsync("sensor-sums");
        // Refused cluster-wide: from the same node and from another one.
        foreach (var node in new[] { nodes[0], nodes[2] })
        {
            var twice = await Assert.ThrowsAsync<PipelineAlreadyRunningException>(() => node.SubmitAsync("sensor-sums"));
            Assert.Contains("pipeline 'sensor-sums' is already running in this cluster", twice.Message);
        }
        await handle.Started.WaitAsync(TimeSpan.FromSeconds(60));
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        var expected = readings.GroupBy(r => (r.Sensor, r.Time / 5000 * 5000)).ToDictionary(g => g.Key, g => (double)g.Sum(r => r.Value));
        var actual = sink.Values.ToDictionary(r => (r.Key, r.Window.Start), r => r.Value);
        Assert.Equal(expected.Count, sink.Values.Count);
        Assert.Equal(expected.OrderBy(kv => kv.Key).ToList(), actual.OrderBy(kv => kv.Key).ToList());
        Assert.Equal(6, handle.Placement.Count);
        Assert.True(handle.Placement.Values.Distinct().Count() >= 2, $"tasks ran on {string.Join(", ", handle.Placement.Values.Distinct())}");

        // The coordinator's status accounts for every record: the sources' tasks sent all readings
        // through the hash exchange, the window tasks received them all and wrote every result.
        var status = handle.Status;
        Assert.Equal(PipelineState.Finished, status.State);
        Assert.All(status.Tasks, t => Assert.True(t.Finished, $"{t.Task} not finished"));
        Assert.Equal(readings.Count, status.Tasks.Where(t => t.Task.Vertex == 0).Sum(t => t.RecordsOut));
        Assert.Equal(readings.Count, status.Tasks.Where(t => t.Task.Vertex == 1).Sum(t => t.RecordsIn));
        Assert.Equal(expected.Count, status.Tasks.Where(t => t.Task.Vertex == 1).Sum(t => t.RecordsOut));
        Assert.All(status.Tasks.Where(t => t.Task.Vertex == 1), t => Assert.Equal(long.MaxValue, t.Watermark));
    }

    [Fact]
    public async Task Stopping_a_pipeline_drains_what_its_sources_emitted_and_finishes_every_task()
    {
        long generated = 0;
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<long, bool>();
        IEnumerable<long> Numbers()
        {
            for (long i = 0; ; i++)
            {
                Interlocked.Increment(ref generated);
                yield return i;
            }
        }
        var nodes = _nodes.Select(system =>
        {
            var registry = new PipelineRegistry();
            registry.Register("endless", () =>
            {
                var p = PipelineBuilder.Create("endless", defaultParallelism: 3);
                p.FromGenerator(Numbers(), name: "numbers").WithParallelism(1)
                    .Map(n => n * 2).WithParallelism(3)
                    .ForEach(n => Assert.True(seen.TryAdd(n / 2, true), $"{n / 2} arrived twice"), "seen");
                return p.Build();
            });
            return StreamlineNode.Start(system, registry);
        }).ToList();

        var handle = await nodes[1].SubmitAsync("endless");
        await handle.Started.WaitAsync(TimeSpan.FromSeconds(60));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (seen.Count < 50_000 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(seen.Count >= 50_000, $"only {seen.Count} records arrived before the stop");

        await handle.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // Every record the source emitted reached the sink; at most the records the generator had
        // yielded into a batch that was never emitted are missing, and only from the very end.
        var status = handle.Status;
        Assert.Equal(PipelineState.Finished, status.State);
        var emitted = status.Tasks.Single(t => t.Task.Vertex == 0).RecordsOut;
        Assert.Equal(emitted, seen.Count);
        Assert.Equal(emitted, status.Tasks.Where(t => t.Task.Vertex == 1).Sum(t => t.RecordsOut));
        Assert.True(seen.Keys.Max() == seen.Count - 1, "the records that arrived are not a prefix of the generated ones");
        Assert.InRange(Interlocked.Read(ref generated) - emitted, 0, StreamlineSettings.FromConfig(_nodes[0].Settings.Config).MaxBatchSize + 1);
    }
}
