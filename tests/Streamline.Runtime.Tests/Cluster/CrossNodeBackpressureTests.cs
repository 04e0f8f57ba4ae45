using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Core.Graph;
using Streamline.Core.Graph.Physical;
using Streamline.Runtime.Node;
using Streamline.Runtime.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Streamline.Runtime.Tests.Cluster;

/// <summary>
/// Backpressure across nodes, end to end: an endless generator (one task) feeds two gated
/// consumer tasks through a rebalance exchange on a two-node cluster. While the test holds a
/// consumer, the generator stalls and everything it produced beyond what the consumers were
/// allowed to take fits in the buffers the configuration allows (exchange credits x batch size
/// per channel, plus one batch per stage); releasing the consumer lets it advance again.
/// </summary>
public sealed class CrossNodeBackpressureTests : IAsyncLifetime
{
    private const string Pipeline = "backpressure";
    private const int BatchSize = 8;
    private const int Credits = 4;

    private static readonly Akka.Configuration.Config NodeConfig = ConfigurationFactory.ParseString($$"""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        akka.loglevel = WARNING
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        akka.coordinated-shutdown.terminate-actor-system = off
        akka.cluster.min-nr-of-members = 2
        akka.cluster.sharding.least-shard-allocation-strategy.rebalance-absolute-limit = 20
        streamline.max-batch-size = {{BatchSize}}
        streamline.runtime.exchange.credits = {{Credits}}
        """).WithFallback(RuntimeConfig.Default());

    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly ITestOutputHelper _output;
    private readonly List<ActorSystem> _nodes = new();
    private readonly CancellationTokenSource _stop = new();

    // Value v is the v-th record the generator yielded; the rebalance exchange's round robin sends
    // it to consumer task v % 2, so "parity p" and "records routed to consumer task p" are the same.
    private readonly long[] _produced = new long[2];
    private readonly long[] _released = new long[2];
    private readonly long[] _consumed = new long[2];
    private readonly bool[] _open = new bool[2];
    private readonly SemaphoreSlim[] _gates = { new(0), new(0) };
    private readonly ConcurrentDictionary<long, byte> _seen = new();
    private long _duplicates;
    private long _perTaskBound;
    private long _totalBound;
    private volatile string? _violation;

    public CrossNodeBackpressureTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        for (var i = 0; i < 2; i++) _nodes.Add(ActorSystem.Create("streamline", NodeConfig));
        await Membership.JoinAllAsync(_nodes);
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_nodes.Select(n => n.Terminate()));
        // The pipeline is endless: gate calls still waiting belong to stopped stages; end them.
        _stop.Cancel();
    }

    /// <summary>Endless numbers 0, 1, 2, ...; checks on every record that the bound holds (and stops if not).</summary>
    private IEnumerable<long> Numbers()
    {
        for (long v = 0; ; v++)
        {
            var p = (int)(v & 1);
            var ofTask = Interlocked.Increment(ref _produced[p]);
            var total = Interlocked.Read(ref _produced[0]) + Interlocked.Read(ref _produced[1]);
            var releasedToTask = Interlocked.Read(ref _released[p]);
            var releasedTotal = Interlocked.Read(ref _released[0]) + Interlocked.Read(ref _released[1]);
            string? violation = null;
            if (ofTask > releasedToTask + _perTaskBound)
                violation = $"the source produced record {v}, the {ofTask}th for consumer task {p}, which was allowed to take only {releasedToTask}: more than {_perTaskBound} records for one consumer task are buffered";
            else if (total > releasedTotal + _totalBound)
                violation = $"the source produced {total} records while the consumers were allowed to take {releasedTotal}: more than {_totalBound} records are buffered";
            if (violation is not null)
            {
                _violation ??= violation;
                // Backpressure is broken: stop producing rather than flood memory; the test fails on _violation.
                yield break;
            }
            yield return v;
        }
    }

    /// <summary>The slow part of the consumer task: record v passes only with a permit the test released for its task.</summary>
    private async Task<long> Gate(long v)
    {
        var p = (int)(v & 1);
        if (!Volatile.Read(ref _open[p])) await _gates[p].WaitAsync(_stop.Token);
        return v;
    }

    private void Consume(long v)
    {
        Interlocked.Increment(ref _consumed[v & 1]);
        if (!_seen.TryAdd(v, 0)) Interlocked.Increment(ref _duplicates);
    }

    private PipelineDefinition Build()
    {
        var p = PipelineBuilder.Create(Pipeline, defaultParallelism: 2);
        p.FromGenerator(Numbers(), name: "numbers").WithParallelism(1)
            .MapAsync(1, Gate).Named("slow-gate").WithParallelism(2)
            .ForEach(Consume, "count");
        return p.Build();
    }

    private long Produced(int task) => Interlocked.Read(ref _produced[task]);

    private long ProducedTotal => Produced(0) + Produced(1);

    private long Consumed(int task) => Interlocked.Read(ref _consumed[task]);

    private void Release(int task, long records)
    {
        // Count first: a record can only pass the gate after the count that allows it.
        Interlocked.Add(ref _released[task], records);
        _gates[task].Release(checked((int)records));
    }

    private void Open(int task)
    {
        Interlocked.Exchange(ref _released[task], long.MaxValue / 4);
        Volatile.Write(ref _open[task], true);
        _gates[task].Release(2);
    }

    private static async Task WaitFor(Func<bool> condition, Func<string> failure)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > Deadline) Assert.Fail($"after {Deadline.TotalSeconds:0}s: {failure()}");
            await Task.Delay(10);
        }
    }

    /// <summary>Waits until the source's produced count has not moved for <see cref="Quiet"/>; returns it.</summary>
    private async Task<long> WaitForStall(string phase)
    {
        var deadline = Stopwatch.StartNew();
        var last = ProducedTotal;
        var since = Stopwatch.StartNew();
        while (since.Elapsed < Quiet)
        {
            if (deadline.Elapsed > Deadline)
                Assert.Fail($"{phase}: the source never stopped: it produced {ProducedTotal} records (consumers allowed {Interlocked.Read(ref _released[0])} + {Interlocked.Read(ref _released[1])}); {_violation}");
            await Task.Delay(10);
            var now = ProducedTotal;
            if (now != last)
            {
                last = now;
                since.Restart();
            }
        }
        return last;
    }

    private void AssertNoViolation(string phase) => Assert.True(_violation is null, $"{phase}: {_violation}");

    [Fact]
    public async Task A_held_consumer_on_another_node_stalls_the_source_within_the_buffers_the_credits_allow()
    {
        var clock = Stopwatch.StartNew();
        var config = _nodes[0].Settings.Config;
        var batch = StreamlineSettings.FromConfig(config).MaxBatchSize;
        var credits = config.GetInt("streamline.runtime.exchange.credits");
        Assert.Equal((BatchSize, Credits), (batch, credits));

        var plan = PhysicalPlan.Create(Build());
        Assert.Equal(2, plan.Vertices.Count);
        var source = plan.Vertices.Single(v => v.Parallelism == 1);
        var consumer = plan.Vertices.Single(v => v.Parallelism == 2);
        var edge = Assert.Single(plan.Edges);
        Assert.Equal(Partitioning.Rebalance, edge.Effective);
        var channels = edge.TargetsOf(0).Count * source.Parallelism;

        // What may sit between the generator and the gates (records, each batch holds at most `batch`):
        //  - the source stage's current batch (it reads the next only when its outlet queue drained);
        //  - the partition stage's one input batch (it pulls only when every target queue drained);
        //  - per channel, `credits` elements between sender and receiver (the sender pulls only
        //    with a credit; the receiver re-grants only after its downstream took the element);
        //  - per consumer task, the gate stage's one input batch (it pulls after finishing it).
        _perTaskBound = batch + batch + credits * batch + batch;
        _totalBound = 2L * batch + channels * credits * batch + consumer.Parallelism * batch;
        _output.WriteLine($"batch {batch}, credits {credits}, channels {channels}: per consumer task {_perTaskBound} records, all tasks {_totalBound} records");

        var nodes = _nodes.Select(system =>
        {
            var registry = new PipelineRegistry();
            registry.Register(Pipeline, Build);
            return StreamlineNode.Start(system, registry);
        }).ToList();
        // Deploy once both task regions are known to the shard coordinator, so tasks can land on both nodes.
        var regions = Stopwatch.StartNew();
        while ((await nodes[0].Region.Ask<CurrentRegions>(GetCurrentRegions.Instance, TimeSpan.FromSeconds(3))).Regions.Count < 2)
        {
            Assert.True(regions.Elapsed < Deadline, "the shard coordinator does not know both nodes' task regions");
            await Task.Delay(50);
        }

        var handle = await nodes[0].SubmitAsync(Pipeline);
        await handle.Started.WaitAsync(TimeSpan.FromSeconds(30));
        var sourceTask = new TaskId(Pipeline, source.Id, 0);
        var placement = handle.Placement;
        _output.WriteLine($"placement: {string.Join(", ", placement.OrderBy(kv => kv.Key.ToString()).Select(kv => $"{kv.Key} @ {kv.Value}"))}");
        Assert.Equal(3, placement.Count);
        // The held consumer: one whose channel from the source crosses nodes.
        var remote = Enumerable.Range(0, 2).Where(i => placement[new TaskId(Pipeline, consumer.Id, i)] != placement[sourceTask]).ToList();
        Assert.True(remote.Count > 0, $"every task ran on {placement[sourceTask]}; no exchange crossed nodes");
        var slow = remote[0];
        var fast = 1 - slow;

        // 1. Both consumers held: the source stalls within the buffers of both channels.
        var stalled = await WaitForStall("both consumers held");
        AssertNoViolation("both consumers held");
        Assert.InRange(stalled, 1, _totalBound);
        Assert.InRange(Produced(slow), 1, _perTaskBound);
        Assert.Equal((0L, 0L), (Consumed(0), Consumed(1)));
        _output.WriteLine($"{clock.ElapsedMilliseconds} ms: both held, source stalled at {stalled} (bound {_totalBound})");

        // 2. The consumer next to (or away from) the source runs freely; the cross-node one stays
        //    held and alone keeps the source stalled.
        Open(fast);
        await WaitFor(() => Consumed(fast) > 0, () => $"the free consumer task {fast} took nothing");
        stalled = await WaitForStall("only the cross-node consumer held");
        AssertNoViolation("only the cross-node consumer held");
        Assert.InRange(Produced(slow), 1, _perTaskBound);
        Assert.InRange(stalled, 1, 2 * _perTaskBound + 1);
        await WaitFor(() => Produced(fast) - Consumed(fast) <= 2 * batch,
            () => $"the free consumer task {fast} took {Consumed(fast)} of the {Produced(fast)} records routed to it");
        Assert.Equal(0, Consumed(slow));
        // The coordinator's status shows it: the source task waits for credit on the held channel.
        await WaitFor(() => handle.Status.Tasks.Single(t => t.Task == sourceTask) is { BlockedOutputs: >= 1, BackpressuredFraction: > 0.5 },
            () => $"the source task's status does not show backpressure: {handle.Status.Tasks.Single(t => t.Task == sourceTask)}");
        _output.WriteLine($"{clock.ElapsedMilliseconds} ms: task {fast} free, task {slow} (cross-node) held: source stalled at {stalled}, {Produced(slow)} for task {slow} (bound {_perTaskBound})");

        // 3. Release the cross-node consumer in steps: the source advances, then stalls again.
        foreach (var step in new[] { 3 * _perTaskBound, 1000 })
        {
            var before = Produced(slow);
            Release(slow, step);
            var allowed = Interlocked.Read(ref _released[slow]);
            await WaitFor(() => Consumed(slow) == allowed || _violation is not null,
                () => $"consumer task {slow} took {Consumed(slow)} of the {allowed} records it was allowed; the source produced {Produced(slow)} for it");
            AssertNoViolation($"released {allowed}");
            Assert.True(Produced(slow) > before, $"the source did not advance after the release: {Produced(slow)} records for task {slow}, as before");
            stalled = await WaitForStall($"released {allowed}");
            AssertNoViolation($"released {allowed}");
            Assert.InRange(Produced(slow), allowed, allowed + _perTaskBound);
            Assert.Equal(allowed, Consumed(slow));
            _output.WriteLine($"{clock.ElapsedMilliseconds} ms: released {allowed} to task {slow}: source stalled at {Produced(slow)} for it (bound {allowed + _perTaskBound}), {stalled} in all");
        }

        // Everything the consumers were allowed to take arrived, once each, from a single deployment.
        await WaitFor(() => Produced(fast) - Consumed(fast) <= 2 * batch,
            () => $"the free consumer task {fast} took {Consumed(fast)} of the {Produced(fast)} records routed to it");
        Assert.Equal(Interlocked.Read(ref _released[slow]), Consumed(slow));
        Assert.Equal(0, Interlocked.Read(ref _duplicates));
        Assert.Equal(Consumed(0) + Consumed(1), _seen.Count);
        Assert.All(_seen.Keys, v => Assert.True(v < ProducedTotal, $"consumed {v}, never produced"));
        Assert.Equal(0, handle.Restarts);
        Assert.False(handle.Completion.IsCompleted, $"the endless pipeline ended: {handle.Completion.Exception?.GetBaseException().Message}");
        _output.WriteLine($"{clock.ElapsedMilliseconds} ms: done; consumed {Consumed(slow)} (task {slow}) + {Consumed(fast)} (task {fast})");
    }
}
