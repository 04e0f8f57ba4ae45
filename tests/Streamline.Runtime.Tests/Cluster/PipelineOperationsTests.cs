using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Operators.Process;
using Streamline.Core.Serdes;
using Streamline.Runtime.Checkpoints;
using Streamline.Runtime.Coordination;
using Streamline.Runtime.Node;
using Xunit;

namespace Streamline.Runtime.Tests.Cluster;

/// <summary>
/// Operations by pipeline name on <see cref="StreamlineNode"/> (status, savepoint, stop), which
/// find the coordinator through the pipeline manager: on a single node with its journal and states
/// in SQLite, and from a member that hosts neither the manager nor the coordinator.
/// </summary>
public sealed class PipelineOperationsTests : IAsyncLifetime
{
    private const int Keys = 32;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _dir = Directory.CreateTempSubdirectory("streamline-operations-").FullName;
    private readonly ConcurrentBag<(int Key, long Count, long Index)> _emitted = new();
    private readonly List<ActorSystem> _systems = new();
    private long _maxIndex = -1;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_systems.Select(s => s.Terminate()));
        // Pooled SQLite connections keep the file open; release them so the directory can go.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private sealed class RunningCount : KeyedProcessFunction<int, long, (int Key, long Count, long Index)>
    {
        public override void ProcessElement(long value, KeyedProcessContext<int, (int Key, long Count, long Index)> ctx)
        {
            var count = ctx.GetValueState<long>("count");
            count.Value += 1;
            ctx.Emit((ctx.CurrentKey, count.Value, value));
        }
    }

    private static IEnumerable<long> Numbers()
    {
        for (long i = 0; ; i++) yield return i;
    }

    [Fact]
    public async Task Status_savepoint_and_stop_by_name_then_the_pipeline_resumes_from_the_savepoint()
    {
        var node = await StartNode(ConfigurationFactory.ParseString("akka.cluster.min-nr-of-members = 1")
            .WithFallback(CheckpointPersistenceConfig.Sqlite(Path.Combine(_dir, "state.db"))), join: null);
        var handle = await node.SubmitAsync("counts");
        await handle.Started.WaitAsync(Timeout);
        await WaitFor(() => _emitted.Count > 5_000, "records did not flow");

        Assert.Equal(new[] { "counts" }, await node.ListPipelinesAsync(Timeout));
        // Task reports arrive every status interval; the first status may predate them.
        var status = await Eventually(() => node.GetStatusAsync("counts", Timeout), s => s.Tasks.Where(t => t.Task.Vertex == 1).Sum(t => t.RecordsIn) > 0);
        Assert.Equal(PipelineState.Running, status.State);
        Assert.Equal("counts", status.Pipeline);
        Assert.Equal(3, status.Tasks.Count);
        Assert.Equal(2, status.Tasks.Count(t => t.Task.Vertex == 1));
        var self = Akka.Cluster.Cluster.Get(node.System).SelfAddress;
        Assert.All(status.Tasks, t => Assert.Equal(self, t.Node));

        var savepoint = await node.TakeSavepointAsync("counts", Timeout);
        Assert.True(savepoint > 0, $"savepoint id {savepoint}");
        Assert.Equal(savepoint, (await node.GetStatusAsync("counts", Timeout)).Checkpoints.LastCompletedId);

        await node.StopAsync("counts", Timeout);
        // The submitting node's handle sees the same end.
        await handle.Completion.WaitAsync(Timeout);
        Assert.Equal(PipelineState.Finished, handle.Status.State);
        var gone = await Assert.ThrowsAsync<PipelineNotRunningException>(() => node.GetStatusAsync("counts", Timeout));
        Assert.Equal("pipeline 'counts' is not running in this cluster; running: none", gone.Message);
        Assert.Empty(await node.ListPipelinesAsync(Timeout));

        var stoppedAt = Interlocked.Read(ref _maxIndex);
        var resumed = await node.SubmitAsync("counts", savepoint);
        await resumed.Started.WaitAsync(Timeout);
        Assert.Equal(savepoint, (await node.GetStatusAsync("counts", Timeout)).Checkpoints.RestoredFrom);
        // Records between the savepoint and the stop come again first, then new ones.
        await WaitFor(() => Interlocked.Read(ref _maxIndex) > stoppedAt + 5_000, "no new records after the restore");
        await node.StopAsync("counts", Timeout);

        // Record i is the (i / Keys + 1)-th of its key: with the counts and the generator's position
        // restored from the savepoint, every count either run emitted says so (records between the
        // savepoint and the stop are emitted again, with the same counts).
        var wrong = _emitted.Where(e => e.Count != e.Index / Keys + 1).Take(5).ToList();
        Assert.True(wrong.Count == 0, "counts differ from the input: " + string.Join("; ", wrong));
    }

    [Fact]
    public async Task Savepoints_are_listed_and_deleted_with_their_state_while_the_pipeline_runs_and_after_it_stopped()
    {
        var node = await StartNode(ConfigurationFactory.ParseString("akka.cluster.min-nr-of-members = 1")
            .WithFallback(CheckpointPersistenceConfig.Sqlite(Path.Combine(_dir, "state.db"))), join: null);
        var storage = new SnapshotStoreCheckpointStorage(node.System);
        var handle = await node.SubmitAsync("counts");
        await handle.Started.WaitAsync(Timeout);
        await WaitFor(() => _emitted.Count > 2_000, "records did not flow");
        var first = await node.TakeSavepointAsync("counts", Timeout);
        var second = await node.TakeSavepointAsync("counts", Timeout);

        var listed = await node.ListSavepointsAsync("counts", Timeout);
        Assert.Equal(new[] { first, second }, listed.Select(s => s.SavepointId));
        Assert.All(listed, s => Assert.True(s.Bytes > 0 && s.Parallelism.Values.Sum() == 3, $"savepoint {s.SavepointId}: {s.Bytes} bytes, parallelism {string.Join(",", s.Parallelism)}"));
        // The keyed vertex (1) has two tasks; both stored state for each savepoint.
        Assert.NotNull(await storage.LoadTaskStateAsync(CheckpointKind.Savepoint, "counts", first, 1, 0));

        // The newest is what the running pipeline would restore from: it stays.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => node.DeleteSavepointAsync("counts", second, Timeout));
        Assert.Contains($"savepoint {second} is what running pipeline 'counts' restores from", refused.Message);
        await node.DeleteSavepointAsync("counts", first, Timeout);
        Assert.Equal(new[] { second }, (await node.ListSavepointsAsync("counts", Timeout)).Select(s => s.SavepointId));
        foreach (var index in new[] { 0, 1 })
        {
            Assert.Null(await storage.LoadTaskStateAsync(CheckpointKind.Savepoint, "counts", first, 1, index));
            Assert.NotNull(await storage.LoadTaskStateAsync(CheckpointKind.Savepoint, "counts", second, 1, index));
        }

        // Stopped: the journal still knows its savepoints, and they can go.
        await node.StopAsync("counts", Timeout);
        await handle.Completion.WaitAsync(Timeout);
        Assert.Equal(new[] { second }, (await node.ListSavepointsAsync("counts", Timeout)).Select(s => s.SavepointId));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => node.DeleteSavepointAsync("counts", 99, Timeout));
        Assert.Equal($"pipeline 'counts' has no savepoint 99 (savepoints: {second})", missing.Message);
        await node.DeleteSavepointAsync("counts", second, Timeout);
        Assert.Empty(await node.ListSavepointsAsync("counts", Timeout));
        Assert.Null(await storage.LoadTaskStateAsync(CheckpointKind.Savepoint, "counts", second, 1, 0));

        // A deleted savepoint cannot be started from; the pipeline itself starts as before.
        // The refusal comes with the acceptance or right after it, as the pipeline's failure.
        var fromDeleted = await Assert.ThrowsAsync<InvalidOperationException>(async () => await (await node.SubmitAsync("counts", second)).Completion.WaitAsync(Timeout));
        Assert.Equal($"pipeline 'counts' cannot start from savepoint {second}: there is no such savepoint (savepoints: none)", fromDeleted.Message);
        var again = await node.SubmitAsync("counts");
        await again.Started.WaitAsync(Timeout);
        await node.StopAsync("counts", Timeout);
    }

    [Fact]
    public async Task Operations_on_an_unknown_pipeline_name_the_running_ones()
    {
        var node = await StartNode(ConfigurationFactory.ParseString("akka.cluster.min-nr-of-members = 1"), join: null);
        var handle = await node.SubmitAsync("counts");
        await handle.Started.WaitAsync(Timeout);

        const string expected = "pipeline 'nope' is not running in this cluster; running: counts";
        Assert.Equal(expected, (await Assert.ThrowsAsync<PipelineNotRunningException>(() => node.GetStatusAsync("nope", Timeout))).Message);
        Assert.Equal(expected, (await Assert.ThrowsAsync<PipelineNotRunningException>(() => node.TakeSavepointAsync("nope", Timeout))).Message);
        Assert.Equal(expected, (await Assert.ThrowsAsync<PipelineNotRunningException>(() => node.StopAsync("nope", Timeout))).Message);
        Assert.Equal(PipelineState.Running, (await node.GetStatusAsync("counts", Timeout)).State);
        await node.StopAsync("counts", Timeout);
    }

    [Fact]
    public async Task A_member_without_the_manager_or_the_coordinator_takes_a_savepoint_and_stops_the_pipeline()
    {
        // Two members on in-memory stores: enough to take a savepoint (not to restore it elsewhere).
        var two = ConfigurationFactory.ParseString("akka.cluster.min-nr-of-members = 2");
        var first = StartSystem(two);
        var seed = Akka.Cluster.Cluster.Get(first).SelfAddress;
        var second = StartSystem(two);
        // Sharding runs before the join, so each member's sharding messages find the other's.
        var oldest = StreamlineNode.Start(first, Registry());
        var other = StreamlineNode.Start(second, Registry());
        await Task.WhenAll(Up(first, seed), Up(second, seed));
        var handle = await oldest.SubmitAsync("counts");
        await handle.Started.WaitAsync(Timeout);
        await WaitFor(() => _emitted.Count > 1_000, "records did not flow");

        // The manager's answer and the statuses cross the network to the second member.
        Assert.Equal(new[] { "counts" }, await other.ListPipelinesAsync(Timeout));
        var status = await other.GetStatusAsync("counts", Timeout);
        Assert.Equal(PipelineState.Running, status.State);
        Assert.Equal(3, status.Tasks.Count);
        var savepoint = await other.TakeSavepointAsync("counts", Timeout);
        Assert.True(savepoint > 0);
        await other.StopAsync("counts", Timeout);
        await handle.Completion.WaitAsync(Timeout);
        Assert.Empty(await oldest.ListPipelinesAsync(Timeout));
    }

    private PipelineRegistry Registry()
    {
        var registry = new PipelineRegistry();
        registry.Register("counts", () =>
        {
            var p = PipelineBuilder.Create("counts", defaultParallelism: 2).WithSerde(Serdes.Int32);
            p.FromGenerator(Numbers(), name: "numbers").WithParallelism(1)
                .KeyBy(n => (int)(n % Keys))
                .Process(new RunningCount()).Named("count")
                .ForEach(e =>
                {
                    _emitted.Add(e);
                    long seen;
                    while (e.Index > (seen = Interlocked.Read(ref _maxIndex)) && Interlocked.CompareExchange(ref _maxIndex, e.Index, seen) != seen)
                    {
                    }
                }, "emitted");
            return p.Build();
        });
        return registry;
    }

    private async Task<StreamlineNode> StartNode(Config extra, Address? join)
    {
        var system = StartSystem(extra);
        await Up(system, join ?? Akka.Cluster.Cluster.Get(system).SelfAddress);
        return StreamlineNode.Start(system, Registry());
    }

    private ActorSystem StartSystem(Config extra)
    {
        var config = extra.WithFallback(ConfigurationFactory.ParseString("""
                akka.actor.provider = cluster
                akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
                akka.loglevel = WARNING
                streamline.max-batch-size = 64
                streamline.runtime.checkpoints.interval = off
                """))
            .WithFallback(RuntimeConfig.Default());
        var system = ActorSystem.Create("streamline", config);
        _systems.Add(system);
        return system;
    }

    private static Task Up(ActorSystem system, Address seed) => Membership.JoinAsync(system, seed, Timeout);

    private static async Task<T> Eventually<T>(Func<Task<T>> get, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var value = await get();
            if (done(value)) return value;
            Assert.True(DateTime.UtcNow < deadline, $"still {value} after {Timeout}");
            await Task.Delay(50);
        }
    }

    private static async Task WaitFor(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }
}
