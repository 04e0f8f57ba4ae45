using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Streamline.Runtime.Checkpoints;
using Streamline.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Streamline.Runtime.Tests.Checkpoints;

/// <summary>Checkpoint storage on Akka.Persistence.Sql with a private PostgreSQL server (each test its own database).</summary>
public sealed class PostgresCheckpointStorageTests(PostgresInstance postgres, ITestOutputHelper output) : IClassFixture<PostgresInstance>, IAsyncLifetime
{
    private const string Pipeline = "sums";
    private readonly List<ActorSystem> _systems = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var system in _systems) await system.Terminate();
    }

    [Fact]
    public async Task Chunked_and_small_states_round_trip_survive_a_restart_and_are_pruned_by_DeleteUpTo()
    {
        var database = CheckpointPersistenceConfig.Postgres(postgres.CreateDatabase());
        var large = RandomBytes(20 * 1024 * 1024 + 7, seed: 1);
        var small = RandomBytes(300, seed: 2);
        var storage = Open(database, "streamline.runtime.checkpoints.chunk-size = 4MiB");
        await storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, Pipeline, 1, 0, 0, large);
        await storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, Pipeline, 2, 0, 0, small);
        await storage.SaveTaskStateAsync(CheckpointKind.Savepoint, Pipeline, 1, 0, 0, small);
        await _systems[^1].Terminate();

        var reopened = Open(database, "streamline.runtime.checkpoints.chunk-size = 4MiB");
        Assert.Equal(large, await reopened.LoadTaskStateAsync(CheckpointKind.Checkpoint, Pipeline, 1, 0, 0));
        Assert.Equal(small, await reopened.LoadTaskStateAsync(CheckpointKind.Checkpoint, Pipeline, 2, 0, 0));
        Assert.Null(await reopened.LoadTaskStateAsync(CheckpointKind.Checkpoint, Pipeline, 3, 0, 0));

        await reopened.DeleteUpToAsync(CheckpointKind.Checkpoint, Pipeline, 1, [(0, 1)]);

        Assert.Null(await reopened.LoadTaskStateAsync(CheckpointKind.Checkpoint, Pipeline, 1, 0, 0));
        Assert.Equal(small, await reopened.LoadTaskStateAsync(CheckpointKind.Checkpoint, Pipeline, 2, 0, 0));
        Assert.Equal(small, await reopened.LoadTaskStateAsync(CheckpointKind.Savepoint, Pipeline, 1, 0, 0));
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_fails_with_the_checkpoint_the_task_and_the_database_error()
    {
        // A port nothing listens on: the server's own port after it is gone would need a second server, and
        // port 1 is reserved (tcpmux) and closed on any test machine.
        var storage = Open(CheckpointPersistenceConfig.Postgres("Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2"),
            "streamline.runtime.checkpoints.operation-timeout = 5s\n" + SilentLogger.Config);

        var e = await Assert.ThrowsAsync<CheckpointStorageException>(
            () => storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, Pipeline, 12, 1, 0, RandomBytes(10, seed: 3)));

        output.WriteLine(e.Message);
        Assert.Contains("checkpoint 12 of pipeline 'sums' could not store the state of task v1#0", e.Message);
        Assert.Contains("Failed to connect to 127.0.0.1:1", e.Message);
    }

    [Fact]
    public async Task Save_and_load_of_256_MiB_in_8_MiB_chunks_on_PostgreSQL()
    {
        var storage = Open(CheckpointPersistenceConfig.Postgres(postgres.CreateDatabase()), "streamline.runtime.checkpoints.chunk-size = 8MiB");
        var state = RandomBytes(256 * 1024 * 1024, seed: 42);
        await storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, "warmup", 1, 0, 0, state.AsMemory(0, 9 * 1024 * 1024));
        await storage.LoadTaskStateAsync(CheckpointKind.Checkpoint, "warmup", 1, 0, 0);

        var save = Stopwatch.StartNew();
        await storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, "big", 1, 0, 0, state);
        save.Stop();
        var load = Stopwatch.StartNew();
        var loaded = await storage.LoadTaskStateAsync(CheckpointKind.Checkpoint, "big", 1, 0, 0);
        load.Stop();

        Assert.True(state.AsSpan().SequenceEqual(loaded));
        output.WriteLine($"PostgreSQL (fsync off), 256 MiB in 8 MiB chunks: save {save.Elapsed.TotalMilliseconds:F0} ms ({256 / save.Elapsed.TotalSeconds:F0} MiB/s), " +
                         $"load {load.Elapsed.TotalMilliseconds:F0} ms ({256 / load.Elapsed.TotalSeconds:F0} MiB/s)");
    }

    private SnapshotStoreCheckpointStorage Open(Config persistence, string settings)
    {
        var system = ActorSystem.Create("checkpoints", ConfigurationFactory.ParseString(settings)
            .WithFallback(ConfigurationFactory.ParseString("akka.loglevel = WARNING"))
            .WithFallback(persistence)
            .WithFallback(RuntimeConfig.Default()));
        _systems.Add(system);
        return new SnapshotStoreCheckpointStorage(system);
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
