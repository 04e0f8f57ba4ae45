using Streamline.Runtime.Checkpoints;
using Xunit;
using Xunit.Abstractions;

namespace Streamline.Runtime.Tests.Checkpoints;

/// <summary>Checkpoint storage on Akka.Persistence.Sql with a SQLite file (the zero-setup store).</summary>
public sealed class SnapshotStoreCheckpointStorageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Pipeline = "sums";
    private const string SmallChunks = "streamline.runtime.checkpoints.chunk-size = 4KiB";
    private const CheckpointKind Checkpoint = CheckpointKind.Checkpoint;

    private readonly SqliteStoreFixture _fixture = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_small_state_round_trips_in_one_row()
    {
        var (_, storage) = _fixture.Open();
        var state = RandomBytes(1000, seed: 1);

        await storage.SaveTaskStateAsync(Checkpoint, Pipeline, 12, 1, 0, state);

        Assert.Equal(state, await storage.LoadTaskStateAsync(Checkpoint, Pipeline, 12, 1, 0));
        var rows = new SqliteRows(_fixture.DatabasePath);
        Assert.Equal(1, rows.Count("streamline|Checkpoint|sums|1|0%"));
    }

    [Fact]
    public async Task An_empty_state_round_trips_as_empty_not_as_missing()
    {
        var (_, storage) = _fixture.Open();

        await storage.SaveTaskStateAsync(Checkpoint, Pipeline, 3, 0, 2, ReadOnlyMemory<byte>.Empty);

        var loaded = await storage.LoadTaskStateAsync(Checkpoint, Pipeline, 3, 0, 2);
        Assert.NotNull(loaded);
        Assert.Empty(loaded);
    }

    [Fact]
    public async Task A_20_MiB_state_round_trips_in_4_MiB_chunks()
    {
        var (_, storage) = _fixture.Open("streamline.runtime.checkpoints.chunk-size = 4MiB");
        var state = RandomBytes(20 * 1024 * 1024 + 123, seed: 2);

        await storage.SaveTaskStateAsync(Checkpoint, Pipeline, 12, 1, 0, state);

        Assert.Equal(state, await storage.LoadTaskStateAsync(Checkpoint, Pipeline, 12, 1, 0));
        var rows = new SqliteRows(_fixture.DatabasePath);
        Assert.Equal(6, rows.Count("streamline|Checkpoint|sums|1|0|chunks"));
        Assert.Equal(1, rows.Count("streamline|Checkpoint|sums|1|0"));
    }

    [Fact]
    public async Task A_state_in_chunks_of_the_store_size_is_stored_as_is_and_comes_back_in_the_same_chunks()
    {
        var (_, storage) = _fixture.Open(SmallChunks);
        var state = RandomBytes(20_000, seed: 11);
        var chunks = ChunkedBytes.Copy(state, storage.ChunkSize);

        await storage.SaveTaskStateAsync(Checkpoint, Pipeline, 4, 1, 0, chunks);
        var loaded = await storage.LoadTaskStateChunksAsync(Checkpoint, Pipeline, 4, 1, 0);

        Assert.NotNull(loaded);
        Assert.Equal(5, loaded.Chunks.Count);
        Assert.Equal(state, loaded.ToArray());
        // Chunks of another size are cut to the store's size first.
        await storage.SaveTaskStateAsync(Checkpoint, Pipeline, 5, 1, 0, ChunkedBytes.Copy(state, 3_000));
        Assert.Equal(5, (await storage.LoadTaskStateChunksAsync(Checkpoint, Pipeline, 5, 1, 0))!.Chunks.Count);
        Assert.Equal(state, await storage.LoadTaskStateAsync(Checkpoint, Pipeline, 5, 1, 0));
    }

    [Fact]
    public async Task The_state_survives_an_ActorSystem_restart_on_the_same_file()
    {
        var small = RandomBytes(500, seed: 3);
        var large = RandomBytes(50_000, seed: 4);
        var (first, storage) = _fixture.Open(SmallChunks);
        await storage.SaveTaskStateAsync(Checkpoint, Pipeline, 7, 0, 0, small);
        await storage.SaveTaskStateAsync(CheckpointKind.Savepoint, Pipeline, 8, 0, 1, large);
        await _fixture.TerminateAsync(first);

        var (_, reopened) = _fixture.Open(SmallChunks);

        Assert.Equal(small, await reopened.LoadTaskStateAsync(Checkpoint, Pipeline, 7, 0, 0));
        Assert.Equal(large, await reopened.LoadTaskStateAsync(CheckpointKind.Savepoint, Pipeline, 8, 0, 1));
    }

    [Fact]
    public async Task Loading_what_a_task_never_wrote_gives_null()
    {
        var (_, storage) = _fixture.Open();
        await storage.SaveTaskStateAsync(Checkpoint, Pipeline, 12, 1, 0, RandomBytes(10, seed: 5));

        // The store answers "newest at or below 13" with checkpoint 12's row: that must not count as 13.
        Assert.Null(await storage.LoadTaskStateAsync(Checkpoint, Pipeline, 13, 1, 0));
        Assert.Null(await storage.LoadTaskStateAsync(Checkpoint, Pipeline, 11, 1, 0));
        Assert.Null(await storage.LoadTaskStateAsync(Checkpoint, Pipeline, 12, 1, 1));
        Assert.Null(await storage.LoadTaskStateAsync(CheckpointKind.Savepoint, Pipeline, 12, 1, 0));
        Assert.Null(await storage.LoadTaskStateAsync(Checkpoint, "other", 12, 1, 0));
    }

    [Fact]
    public async Task Saving_a_checkpoint_again_replaces_its_state()
    {
        var (_, storage) = _fixture.Open(SmallChunks);
        await storage.SaveTaskStateAsync(Checkpoint, Pipeline, 4, 2, 0, RandomBytes(40_000, seed: 6));
        var second = RandomBytes(9_000, seed: 7);

        await storage.SaveTaskStateAsync(Checkpoint, Pipeline, 4, 2, 0, second);

        Assert.Equal(second, await storage.LoadTaskStateAsync(Checkpoint, Pipeline, 4, 2, 0));
    }

    [Fact]
    public async Task DeleteUpTo_removes_older_checkpoints_of_every_task_and_keeps_newer_ones()
    {
        var (_, storage) = _fixture.Open(SmallChunks);
        (int Vertex, int Parallelism)[] tasks = [(0, 2), (1, 1)];
        (int Vertex, int Index)[] all = [(0, 0), (0, 1), (1, 0)];
        foreach (var id in new long[] { 1, 2, 3 })
        foreach (var (vertex, index) in all)
            await storage.SaveTaskStateAsync(Checkpoint, Pipeline, id, vertex, index, StateOf(id, vertex, index));

        await storage.DeleteUpToAsync(Checkpoint, Pipeline, 2, tasks);

        foreach (var (vertex, index) in all)
        {
            Assert.Null(await storage.LoadTaskStateAsync(Checkpoint, Pipeline, 1, vertex, index));
            Assert.Null(await storage.LoadTaskStateAsync(Checkpoint, Pipeline, 2, vertex, index));
            Assert.Equal(StateOf(3, vertex, index), await storage.LoadTaskStateAsync(Checkpoint, Pipeline, 3, vertex, index));
        }
        // Checkpoint 3's rows are all that is left: its headers and its chunks, no orphaned chunk of 1 or 2.
        var rows = new SqliteRows(_fixture.DatabasePath);
        var chunksOf3 = all.Sum(t => (StateOf(3, t.Vertex, t.Index).Length + 4095) / 4096);
        Assert.Equal(all.Length + chunksOf3, rows.Count("streamline|Checkpoint|sums|%"));
    }

    [Fact]
    public async Task Delete_removes_exactly_one_savepoint_of_every_task_with_its_chunks_and_keeps_older_and_newer_ones()
    {
        var (_, storage) = _fixture.Open(SmallChunks);
        const CheckpointKind savepoint = CheckpointKind.Savepoint;
        (int Vertex, int Parallelism)[] tasks = [(0, 2), (1, 1)];
        (int Vertex, int Index)[] all = [(0, 0), (0, 1), (1, 0)];
        foreach (var id in new long[] { 1, 2, 3 })
        foreach (var (vertex, index) in all)
            await storage.SaveTaskStateAsync(savepoint, Pipeline, id, vertex, index, StateOf(id, vertex, index));

        await storage.DeleteAsync(savepoint, Pipeline, 2, tasks);
        // Repeating it (an interrupted delete is retried) finds nothing and succeeds.
        await storage.DeleteAsync(savepoint, Pipeline, 2, tasks);

        foreach (var (vertex, index) in all)
        {
            Assert.Equal(StateOf(1, vertex, index), await storage.LoadTaskStateAsync(savepoint, Pipeline, 1, vertex, index));
            Assert.Null(await storage.LoadTaskStateAsync(savepoint, Pipeline, 2, vertex, index));
            Assert.Equal(StateOf(3, vertex, index), await storage.LoadTaskStateAsync(savepoint, Pipeline, 3, vertex, index));
        }
        // No orphaned chunk of savepoint 2: only the rows of 1 and 3 are left.
        var rows = new SqliteRows(_fixture.DatabasePath);
        var rowsOf = (long id) => all.Sum(t => 1 + (StateOf(id, t.Vertex, t.Index).Length + 4095) / 4096);
        Assert.Equal(rowsOf(1) + rowsOf(3), rows.Count("streamline|Savepoint|sums|%"));
    }

    [Fact]
    public async Task Savepoints_are_not_removed_by_DeleteUpTo_of_checkpoints()
    {
        var (_, storage) = _fixture.Open(SmallChunks);
        var savepoint = RandomBytes(20_000, seed: 8);
        await storage.SaveTaskStateAsync(CheckpointKind.Savepoint, Pipeline, 1, 0, 0, savepoint);
        await storage.SaveTaskStateAsync(Checkpoint, Pipeline, 1, 0, 0, RandomBytes(20_000, seed: 9));

        await storage.DeleteUpToAsync(Checkpoint, Pipeline, 5, [(0, 1)]);

        Assert.Null(await storage.LoadTaskStateAsync(Checkpoint, Pipeline, 1, 0, 0));
        Assert.Equal(savepoint, await storage.LoadTaskStateAsync(CheckpointKind.Savepoint, Pipeline, 1, 0, 0));
    }

    [Fact]
    public async Task Many_tasks_saving_at_once_all_land_on_one_SQLite_file()
    {
        var (_, storage) = _fixture.Open(SmallChunks);
        var tasks = Enumerable.Range(0, 16).Select(i => (Index: i, State: RandomBytes(30_000 + i, seed: 100 + i))).ToArray();

        await Task.WhenAll(tasks.Select(t => storage.SaveTaskStateAsync(Checkpoint, Pipeline, 9, 3, t.Index, t.State)));

        foreach (var (index, state) in tasks)
            Assert.Equal(state, await storage.LoadTaskStateAsync(Checkpoint, Pipeline, 9, 3, index));
    }

    [Fact]
    public async Task A_missing_chunk_is_reported_with_the_checkpoint_the_task_and_the_chunk()
    {
        var (_, storage) = _fixture.Open(SmallChunks);
        await storage.SaveTaskStateAsync(Checkpoint, Pipeline, 7, 1, 0, RandomBytes(10_000, seed: 10));
        new SqliteRows(_fixture.DatabasePath).Delete("streamline|Checkpoint|sums|1|0|chunks", ChunkSequenceNr(7, 1));

        var e = await Assert.ThrowsAsync<CheckpointStorageException>(() => storage.LoadTaskStateAsync(Checkpoint, Pipeline, 7, 1, 0));

        Assert.Contains("checkpoint 7 of pipeline 'sums'", e.Message);
        output.WriteLine(e.Message);
        Assert.Contains("task v1#0 is damaged: chunk 2 of 3 is missing", e.Message);
    }

    [Fact]
    public async Task A_corrupted_chunk_is_reported_as_a_checksum_mismatch()
    {
        var (_, storage) = _fixture.Open(SmallChunks);
        await storage.SaveTaskStateAsync(Checkpoint, Pipeline, 7, 1, 0, RandomBytes(10_000, seed: 11));
        new SqliteRows(_fixture.DatabasePath).FlipBit("streamline|Checkpoint|sums|1|0|chunks", ChunkSequenceNr(7, 2), offset: 100);

        var e = await Assert.ThrowsAsync<CheckpointStorageException>(() => storage.LoadTaskStateAsync(Checkpoint, Pipeline, 7, 1, 0));

        Assert.Contains("checkpoint 7 of pipeline 'sums': the stored state of task v1#0 is damaged: chunk 3 of 3 does not match its checksum", e.Message);
    }

    [Theory]
    [InlineData(10, "header checksum mismatch")] // inside the header
    [InlineData(60, "does not match its checksum")] // in the state stored with it
    public async Task A_corrupted_small_state_is_reported(int offset, string expected)
    {
        var (_, storage) = _fixture.Open();
        await storage.SaveTaskStateAsync(CheckpointKind.Savepoint, Pipeline, 2, 0, 0, RandomBytes(100, seed: 12));
        new SqliteRows(_fixture.DatabasePath).FlipBit("streamline|Savepoint|sums|0|0", 2, offset);

        var e = await Assert.ThrowsAsync<CheckpointStorageException>(() => storage.LoadTaskStateAsync(CheckpointKind.Savepoint, Pipeline, 2, 0, 0));

        Assert.Contains("savepoint 2 of pipeline 'sums': the stored state of task v0#0 is damaged", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public async Task A_write_torn_before_its_header_reads_as_nothing_stored()
    {
        var (_, storage) = _fixture.Open(SmallChunks);
        await storage.SaveTaskStateAsync(Checkpoint, Pipeline, 5, 0, 0, RandomBytes(10_000, seed: 13));
        // The header is written last; a crash before it leaves chunks without a header.
        new SqliteRows(_fixture.DatabasePath).Delete("streamline|Checkpoint|sums|0|0", 5);

        Assert.Null(await storage.LoadTaskStateAsync(Checkpoint, Pipeline, 5, 0, 0));
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_fails_with_the_checkpoint_the_task_and_the_database_error()
    {
        var unreachable = Path.Combine(_fixture.Directory, "no-such-directory", "state.db");
        var (_, storage) = _fixture.Open("streamline.runtime.checkpoints.operation-timeout = 3s\n" + SilentLogger.Config, unreachable);

        var e = await Assert.ThrowsAsync<CheckpointStorageException>(
            () => storage.SaveTaskStateAsync(Checkpoint, Pipeline, 12, 1, 0, RandomBytes(10, seed: 14)));

        output.WriteLine(e.Message);
        Assert.Contains("checkpoint 12 of pipeline 'sums' could not store the state of task v1#0", e.Message);
        Assert.Contains("unable to open database file", e.Message);
        Assert.Contains("is the database of snapshot store 'akka.persistence.snapshot-store.sql' reachable?", e.Message);
        var load = await Assert.ThrowsAsync<CheckpointStorageException>(() => storage.LoadTaskStateAsync(Checkpoint, Pipeline, 12, 1, 0));
        Assert.Contains("could not load the state of task v1#0", load.Message);
    }

    [Fact]
    public async Task A_database_that_becomes_reachable_later_is_used_without_a_restart()
    {
        // A node may start before its database is there; the store keeps retrying and the next save goes through.
        var directory = Path.Combine(_fixture.Directory, "created-later");
        var (system, storage) = _fixture.Open("streamline.runtime.checkpoints.operation-timeout = 2s\n" + SilentLogger.Config, Path.Combine(directory, "state.db"));
        await Assert.ThrowsAsync<CheckpointStorageException>(() => storage.SaveTaskStateAsync(Checkpoint, Pipeline, 1, 0, 0, RandomBytes(10, seed: 15)));

        Directory.CreateDirectory(directory);
        var state = RandomBytes(10_000, seed: 16);
        var patient = new SnapshotStoreCheckpointStorage(system, CheckpointStorageSettings.FromConfig(system.Settings.Config) with { OperationTimeout = TimeSpan.FromSeconds(30) });
        await patient.SaveTaskStateAsync(Checkpoint, Pipeline, 2, 0, 0, state);

        Assert.Equal(state, await patient.LoadTaskStateAsync(Checkpoint, Pipeline, 2, 0, 0));
    }

    private static long ChunkSequenceNr(long checkpointId, int chunk) => (checkpointId << 20) | (uint)chunk;

    /// <summary>Distinct per checkpoint and task; sizes straddle the 4 KiB chunk size (inline and chunked states).</summary>
    private static byte[] StateOf(long checkpointId, int vertex, int index) =>
        RandomBytes(3_000 + (int)checkpointId * 2_500 + vertex * 700 + index * 300, seed: (int)checkpointId * 100 + vertex * 10 + index);

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
