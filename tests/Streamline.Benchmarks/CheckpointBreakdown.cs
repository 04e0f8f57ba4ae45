using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Serdes;
using Streamline.Core.State;
using Streamline.Core.Time;
using Streamline.Runtime;
using Streamline.Runtime.Checkpoints;

namespace Streamline.Benchmarks;

/// <summary>
/// Where the time of a large checkpoint goes: the steps the runtime takes for one task's state,
/// called one by one on the same public types (KeyedStateBackend, TaskStateCodec,
/// SnapshotStoreCheckpointStorage) with half the large state (one task's share at parallelism 2).
/// </summary>
public static class CheckpointBreakdown
{
    public static async Task<IReadOnlyList<BreakdownStep>> RunAsync(int stateMb, IReadOnlyList<CheckpointStore> stores)
    {
        var keys = (int)((long)stateMb * 1024 * 1024 / LargeStateWorkload.ValueBytes / 2);
        var steps = new List<BreakdownStep>();
        var backend = new KeyedStateBackend<int>(new KeyGroupRange(0, KeyGroups.DefaultMaxParallelism), KeyGroups.DefaultMaxParallelism, Serdes.Int32, SystemClock.Instance);
        var values = backend.GetValueState("value", Serdes.Bytes);
        for (var k = 0; k < keys; k++)
        {
            backend.SetCurrentKey(k);
            var bytes = new byte[LargeStateWorkload.ValueBytes];
            Random.Shared.NextBytes(bytes);
            values.Value = bytes;
        }
        var stateBytes = (long)keys * LargeStateWorkload.ValueBytes;

        IReadOnlyList<KeyGroupSnapshot>? groups = null;
        steps.Add(await TimeAsync("snapshot: serialize keyed state per key group (operator thread, stream stalls)", stateBytes, Sync(() => groups = backend.Snapshot())));
        var state = new TaskState();
        state.Operators["values"] = groups!.ToList();
        state.Sources["numbers"] = new Dictionary<int, long> { [0] = keys };
        groups = null;
        ChunkedBytes encoded = new([], 1);
        var chunkSize = CheckpointStorageSettings.FromConfig(RuntimeConfig.Default()).ChunkSize;
        steps.Add(await TimeAsync("encode task state into store-sized chunks (TaskStateCodec.Write)", stateBytes, Sync(() => encoded = TaskStateCodec.Write(state, chunkSize))));
        state = null;

        ChunkedBytes? loaded = null;
        foreach (var store in stores)
        {
            var system = ActorSystem.Create("breakdown", ConfigurationFactory.ParseString("akka.loglevel = ERROR")
                .WithFallback(store.NewDatabase())
                .WithFallback(RuntimeConfig.Default()));
            try
            {
                var storage = new SnapshotStoreCheckpointStorage(system);
                // Table creation and connection set-up are not part of the figure.
                await storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, "warmup", 1, 1, 0, new ChunkedBytes([encoded.Chunks[0]], encoded.ChunkSize));
                await storage.LoadTaskStateAsync(CheckpointKind.Checkpoint, "warmup", 1, 1, 0);
                steps.Add(await TimeAsync($"{store.Name}: store in 8 MiB chunks (SaveTaskStateAsync, 4 in flight)", encoded.Length,
                    () => storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, "breakdown", 1, 1, 0, encoded), store));
                steps.Add(await TimeAsync($"{store.Name}: load (LoadTaskStateChunksAsync)", encoded.Length,
                    async () => loaded = await storage.LoadTaskStateChunksAsync(CheckpointKind.Checkpoint, "breakdown", 1, 1, 0), store));
                // As in a checkpoint at parallelism 2: both tasks store their states at the same time.
                steps.Add(await TimeAsync($"{store.Name}: two tasks store at once (2 × this share)", 2L * encoded.Length, () => Task.WhenAll(
                    storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, "breakdown", 2, 1, 0, encoded),
                    storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, "breakdown", 2, 1, 1, encoded)), store));
                steps.Add(await SmallCheckpoints(store, storage));
            }
            finally
            {
                await system.Terminate();
            }
        }
        if (loaded is null || loaded.Chunks.Count != encoded.Chunks.Count || loaded.Chunks.Where((c, i) => !c.AsSpan().SequenceEqual(encoded.Chunks[i])).Any())
            throw new InvalidOperationException("the loaded state differs from the stored one");
        encoded = new([], 1);

        TaskState? read = null;
        steps.Add(await TimeAsync("decode task state (TaskStateCodec.Read)", stateBytes, Sync(() => read = TaskStateCodec.Read(loaded))));
        loaded = null;
        var restored = new KeyedStateBackend<int>(new KeyGroupRange(0, KeyGroups.DefaultMaxParallelism), KeyGroups.DefaultMaxParallelism, Serdes.Int32, SystemClock.Instance);
        steps.Add(await TimeAsync("restore keyed state (Restore + first use of the state)", stateBytes, Sync(() =>
        {
            restored.Restore(read!.Operators["values"]);
            restored.GetValueState("value", Serdes.Bytes);
        })));
        if (!restored.TryGetValue<byte[]>("value", keys - 1, out var last) || last.Length != LargeStateWorkload.ValueBytes)
            throw new InvalidOperationException("the restored state misses keys");
        return steps;
    }

    /// <summary>
    /// The storage side of the windowed pipeline's checkpoints at 100 ms, repeated: its three tasks
    /// store their states at once (two keyed tasks of ~237 KiB, the source's few bytes), then the
    /// checkpoint that falls out of retention (3) is deleted, as the coordinator does after each.
    /// Not included: the coordinator's journal event and the operators' snapshots.
    /// </summary>
    private static async Task<BreakdownStep> SmallCheckpoints(CheckpointStore store, SnapshotStoreCheckpointStorage storage)
    {
        const int count = 30;
        var keyed = new byte[237 * 1024];
        Random.Shared.NextBytes(keyed);
        var source = new byte[64];
        var step = await TimeAsync($"{store.Name}: one small checkpoint as at 100 ms (3 task states: 2 × 237 KiB + 64 B; delete the one 3 back), mean of {count}",
            count * (2L * keyed.Length + source.Length), async () =>
            {
                for (var id = 1L; id <= count; id++)
                {
                    await Task.WhenAll(
                        storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, "small", id, 0, 0, source),
                        storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, "small", id, 1, 0, keyed),
                        storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, "small", id, 1, 1, keyed));
                    if (id > 3) await storage.DeleteUpToAsync(CheckpointKind.Checkpoint, "small", id - 3, [(0, 1), (1, 2)]);
                }
            }, store);
        return step with { Time = step.Time / count, Bytes = step.Bytes / count, Cpu = step.Cpu / count, ServerCpu = step.ServerCpu / count, Allocated = step.Allocated / count };
    }

    private static Func<Task> Sync(Action step) => () =>
    {
        step();
        return Task.CompletedTask;
    };

    private static async Task<BreakdownStep> TimeAsync(string name, long bytes, Func<Task> step, CheckpointStore? store = null)
    {
        Settle();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var server = store?.ExternalCpu() ?? TimeSpan.Zero;
        var alloc = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await step();
        clock.Stop();
        process.Refresh();
        return new BreakdownStep(name, clock.Elapsed, bytes, process.TotalProcessorTime - cpu, (store?.ExternalCpu() ?? TimeSpan.Zero) - server,
            GC.GetTotalAllocatedBytes(precise: true) - alloc);
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
