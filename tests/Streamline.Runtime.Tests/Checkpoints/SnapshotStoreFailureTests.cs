using Akka.Actor;
using Akka.Configuration;
using Streamline.Runtime.Checkpoints;
using Xunit;

namespace Streamline.Runtime.Tests.Checkpoints;

/// <summary>What a caller sees when the snapshot store answers a chunk's save or load with a failure.</summary>
public sealed class SnapshotStoreFailureTests : IAsyncLifetime
{
    private readonly List<ActorSystem> _systems = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var system in _systems) await system.Terminate();
    }

    [Fact]
    public async Task A_failed_chunk_save_names_the_chunk_and_the_store_error_and_leaves_nothing_loadable()
    {
        var storage = Open("fail-save-chunk = 1");

        var e = await Assert.ThrowsAsync<CheckpointStorageException>(
            () => storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, "sums", 12, 1, 0, new byte[10_000]));

        Assert.Equal(
            "checkpoint 12 of pipeline 'sums' could not store the state of task v1#0 (chunk 2 of 3): disk I/O error (injected by the test); " +
            "is the database of snapshot store 'akka.persistence.snapshot-store.failing' reachable?", e.Message);
        // The header is only written after every chunk: the failed save did not produce a loadable state.
        Assert.Null(await storage.LoadTaskStateAsync(CheckpointKind.Checkpoint, "sums", 12, 1, 0));
    }

    [Fact]
    public async Task A_failed_chunk_load_names_the_chunk_and_the_store_error()
    {
        var storage = Open("fail-load-chunk = 2");
        await storage.SaveTaskStateAsync(CheckpointKind.Savepoint, "sums", 3, 0, 4, new byte[10_000]);

        var e = await Assert.ThrowsAsync<CheckpointStorageException>(
            () => storage.LoadTaskStateAsync(CheckpointKind.Savepoint, "sums", 3, 0, 4));

        Assert.StartsWith("savepoint 3 of pipeline 'sums' could not load the state of task v0#4 (chunk 3 of 3): connection reset by peer (injected by the test)", e.Message);
    }

    [Fact]
    public async Task Cancelling_a_save_cancels_rather_than_reporting_a_storage_error()
    {
        var storage = Open("");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, "sums", 1, 0, 0, new byte[10_000], cts.Token));
    }

    private SnapshotStoreCheckpointStorage Open(string failure)
    {
        var system = ActorSystem.Create("checkpoint-failures", ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            akka.persistence.snapshot-store.failing { {{failure}} }
            streamline.runtime.checkpoints {
              snapshot-plugin = "akka.persistence.snapshot-store.failing"
              chunk-size = 4KiB
            }
            """).WithFallback(ConfigurationFactory.ParseString(FailingSnapshotStore.PluginConfig)).WithFallback(RuntimeConfig.Default()));
        _systems.Add(system);
        return new SnapshotStoreCheckpointStorage(system);
    }
}
