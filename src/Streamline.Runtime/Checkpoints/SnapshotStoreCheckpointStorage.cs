using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;

namespace Streamline.Runtime.Checkpoints;

/// <summary>
/// Checkpoint storage on the Akka.Persistence snapshot store plugin configured in the ActorSystem
/// (by default Akka.Persistence.Sql on SQLite or PostgreSQL, see <see cref="CheckpointPersistenceConfig"/>).
/// Each task's state is stored under its own persistence id with the checkpoint id as sequence
/// number; large states are split into chunks (layout and torn-write detection in
/// <see cref="CheckpointStateFormat"/>). Payloads are <c>byte[]</c>, written by Akka's built-in
/// byte-array serializer without a copy.
/// </summary>
public sealed class SnapshotStoreCheckpointStorage : ICheckpointStorage
{
    private readonly IActorRef _store;
    private readonly StoreErrorLog _storeErrors;
    private readonly CheckpointStorageSettings _settings;

    public SnapshotStoreCheckpointStorage(ActorSystem system, CheckpointStorageSettings? settings = null)
    {
        _settings = settings ?? CheckpointStorageSettings.FromConfig(system.Settings.Config);
        _settings.Validate();
        var persistence = Persistence.Instance.Apply(system);
        // Read after the extension started: it adds akka.persistence's defaults to the system's config.
        PluginId = string.IsNullOrEmpty(_settings.SnapshotPlugin)
            ? system.Settings.Config.GetString("akka.persistence.snapshot-store.plugin", "")
            : _settings.SnapshotPlugin;
        if (string.IsNullOrEmpty(PluginId))
            throw new ConfigurationException(
                $"no snapshot store for checkpoints: set {CheckpointStorageSettings.Path}.snapshot-plugin or akka.persistence.snapshot-store.plugin " +
                "to the HOCON path of a snapshot store plugin, or fall back to CheckpointPersistenceConfig.Default(config) for a SQLite file");
        try
        {
            _store = persistence.SnapshotStoreFor(PluginId);
        }
        catch (Exception e) when (e is ArgumentException or ConfigurationException or TypeLoadException)
        {
            throw new ConfigurationException(
                $"the snapshot store for checkpoints '{PluginId}' (from {SettingNaming(_settings)}) cannot be started: {ErrorText.Describe(e)}; " +
                $"check that '{PluginId}' is the HOCON path of a snapshot store plugin with a class, e.g. akka.persistence.snapshot-store.sql", e);
        }
        _storeErrors = StoreErrorLog.Listen(system, _store);
    }

    public int ChunkSize => _settings.ChunkSize;

    /// <summary>HOCON path of the snapshot store plugin in use.</summary>
    public string PluginId { get; }

    public Task SaveTaskStateAsync(CheckpointKind kind, string pipeline, long checkpointId, int vertex, int index, ReadOnlyMemory<byte> state, CancellationToken ct = default) =>
        SaveTaskStateAsync(kind, pipeline, checkpointId, vertex, index, ChunkedBytes.Copy(state.Span, _settings.ChunkSize), ct);

    public async Task SaveTaskStateAsync(CheckpointKind kind, string pipeline, long checkpointId, int vertex, int index, ChunkedBytes state, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var pid = StatePid(kind, pipeline, checkpointId, vertex, index);
        var where = new TaskCheckpoint(kind, pipeline, checkpointId, vertex, index);
        var chunkSize = _settings.ChunkSize;
        if (CheckpointStateFormat.IsInline(state.Length, chunkSize))
        {
            await SaveAsync(where, pid, checkpointId, CheckpointStateFormat.EncodeInline(state.ToArray(), chunkSize), "", ct);
            return;
        }
        if (state.ChunkSize != chunkSize) state = Rechunk(state, chunkSize);

        var chunkCount = state.Chunks.Count;
        if (chunkCount > CheckpointStateFormat.MaxChunks)
            throw new CheckpointStorageException($"{where}: {state.Length} bytes make {chunkCount} chunks of {chunkSize} bytes, more than the {CheckpointStateFormat.MaxChunks} " +
                                                 "one state may have; raise streamline.runtime.checkpoints.chunk-size");
        var hashes = new ulong[chunkCount];
        var chunkPid = CheckpointStateFormat.ChunkPersistenceId(pid);
        await Parallel.ForEachAsync(Enumerable.Range(0, chunkCount), Options(ct), async (chunk, token) =>
        {
            // The store keeps the array it is given (the byte-array serializer does not copy); the
            // chunks are this checkpoint's own, nobody writes them afterwards.
            var data = state.Chunks[chunk];
            hashes[chunk] = CheckpointStateFormat.Hash(data);
            await SaveAsync(where, chunkPid, CheckpointStateFormat.ChunkSequenceNr(checkpointId, chunk), data, $" (chunk {chunk + 1} of {chunkCount})", token);
        });
        // Last: a header exists only once every chunk it describes is durable.
        await SaveAsync(where, pid, checkpointId, CheckpointStateFormat.EncodeHeader(state.Length, chunkSize, hashes), "", ct);
    }

    public async Task<byte[]?> LoadTaskStateAsync(CheckpointKind kind, string pipeline, long checkpointId, int vertex, int index, CancellationToken ct = default) =>
        (await LoadTaskStateChunksAsync(kind, pipeline, checkpointId, vertex, index, ct))?.ToArray();

    public async Task<ChunkedBytes?> LoadTaskStateChunksAsync(CheckpointKind kind, string pipeline, long checkpointId, int vertex, int index, CancellationToken ct = default)
    {
        var pid = StatePid(kind, pipeline, checkpointId, vertex, index);
        var where = new TaskCheckpoint(kind, pipeline, checkpointId, vertex, index);
        var row = await LoadAsync(where, pid, checkpointId, "", ct);
        if (row is null) return null;

        StateHeader header;
        try
        {
            header = CheckpointStateFormat.Decode(row);
        }
        catch (InvalidDataException e)
        {
            throw Damaged(where, e.Message, e);
        }
        if (header.Inline)
        {
            if (CheckpointStateFormat.Hash(row.AsSpan(header.HeaderLength)) != header.ChunkHashes[0])
                throw Damaged(where, "its data does not match its checksum");
            var data = row.AsSpan(header.HeaderLength);
            return data.IsEmpty ? new ChunkedBytes(Array.Empty<byte[]>(), header.ChunkSize) : new ChunkedBytes([data.ToArray()], Math.Max(data.Length, header.ChunkSize));
        }

        var chunks = new byte[header.ChunkCount][];
        var chunkPid = CheckpointStateFormat.ChunkPersistenceId(pid);
        await Parallel.ForEachAsync(Enumerable.Range(0, header.ChunkCount), Options(ct), async (chunk, token) =>
        {
            var chunkName = $"chunk {chunk + 1} of {header.ChunkCount}";
            var data = await LoadAsync(where, chunkPid, CheckpointStateFormat.ChunkSequenceNr(checkpointId, chunk), $" ({chunkName})", token)
                       ?? throw Damaged(where, $"{chunkName} is missing (deleted, or the database lost it)");
            var expected = header.ChunkLength(chunk);
            if (data.Length != expected)
                throw Damaged(where, $"{chunkName} has {data.Length} bytes where {expected} were written");
            if (CheckpointStateFormat.Hash(data) != header.ChunkHashes[chunk])
                throw Damaged(where, $"{chunkName} does not match its checksum");
            chunks[chunk] = data;
        });
        return new ChunkedBytes(chunks, header.ChunkSize);
    }

    private static ChunkedBytes Rechunk(ChunkedBytes state, int chunkSize)
    {
        using var writer = new ChunkWriteStream(chunkSize);
        using (var reader = state.OpenRead()) reader.CopyTo(writer, 1 << 20);
        return writer.ToChunks();
    }

    public async Task DeleteUpToAsync(CheckpointKind kind, string pipeline, long checkpointId, IReadOnlyList<(int Vertex, int Parallelism)> tasks, CancellationToken ct = default)
    {
        await Parallel.ForEachAsync(AllTasks(pipeline, tasks), Options(ct), async (task, token) =>
        {
            var pid = StatePid(kind, pipeline, checkpointId, task.Vertex, task.Index);
            var where = new TaskCheckpoint(kind, pipeline, checkpointId, task.Vertex, task.Index);
            // Headers first: an interrupted delete then leaves only unreferenced chunks (removed by the
            // next delete), never a header whose chunks are gone.
            await DeleteRowsUpToAsync(where, pid, checkpointId, token);
            await DeleteRowsUpToAsync(where, CheckpointStateFormat.ChunkPersistenceId(pid), CheckpointStateFormat.LastChunkSequenceNr(checkpointId), token);
        });
    }

    public async Task DeleteAsync(CheckpointKind kind, string pipeline, long checkpointId, IReadOnlyList<(int Vertex, int Parallelism)> tasks, CancellationToken ct = default)
    {
        await Parallel.ForEachAsync(AllTasks(pipeline, tasks), Options(ct), async (task, token) =>
        {
            var pid = StatePid(kind, pipeline, checkpointId, task.Vertex, task.Index);
            var where = new TaskCheckpoint(kind, pipeline, checkpointId, task.Vertex, task.Index);
            // The store deletes ranges only from sequence number 0 up, which would take older
            // savepoints along: the header says which chunk rows there are, each goes on its own,
            // then the header (so a repeated delete still finds the chunks of an interrupted one).
            var row = await LoadAsync(where, pid, checkpointId, "", token);
            if (row is null) return;
            StateHeader? header = null;
            try
            {
                header = CheckpointStateFormat.Decode(row);
            }
            catch (InvalidDataException)
            {
                // A damaged header: its row goes, whatever chunks it had cannot be named.
            }
            if (header is { Inline: false })
            {
                var chunkPid = CheckpointStateFormat.ChunkPersistenceId(pid);
                for (var chunk = 0; chunk < header.ChunkCount; chunk++)
                    await DeleteRowAsync(where, chunkPid, CheckpointStateFormat.ChunkSequenceNr(checkpointId, chunk), token);
            }
            await DeleteRowAsync(where, pid, checkpointId, token);
        });
    }

    private static List<(int Vertex, int Index)> AllTasks(string pipeline, IReadOnlyList<(int Vertex, int Parallelism)> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var all = new List<(int Vertex, int Index)>();
        foreach (var (vertex, parallelism) in tasks)
        {
            if (parallelism < 1)
                throw new ArgumentOutOfRangeException(nameof(tasks), parallelism, $"vertex {vertex} of pipeline '{pipeline}' has parallelism {parallelism}; it must be at least 1");
            for (var i = 0; i < parallelism; i++) all.Add((vertex, i));
        }
        return all;
    }

    private async Task SaveAsync(TaskCheckpoint where, string pid, long sequenceNr, byte[] payload, string part, CancellationToken ct)
    {
        object response;
        var started = DateTime.UtcNow;
        try
        {
            response = await Ask(new SaveSnapshot(new SnapshotMetadata(pid, sequenceNr, DateTime.UtcNow), payload), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            throw Failed(where, "store", part, e, started);
        }
        switch (response)
        {
            case SaveSnapshotSuccess:
                return;
            case SaveSnapshotFailure failure:
                throw Failed(where, "store", part, failure.Cause);
            default:
                throw Failed(where, "store", part, new InvalidOperationException($"unexpected answer {response.GetType().Name} to a save"));
        }
    }

    /// <summary>The payload stored exactly at <paramref name="sequenceNr"/>, or null when there is none.</summary>
    private async Task<byte[]?> LoadAsync(TaskCheckpoint where, string pid, long sequenceNr, string part, CancellationToken ct)
    {
        object response;
        var started = DateTime.UtcNow;
        try
        {
            // The store returns the newest snapshot at or below the maximum (it ignores a minimum), so an
            // older checkpoint's row can come back; it does not count.
            var criteria = new SnapshotSelectionCriteria(sequenceNr, DateTime.MaxValue);
            response = await Ask(new LoadSnapshot(pid, criteria, sequenceNr), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            throw Failed(where, "load", part, e, started);
        }
        switch (response)
        {
            case LoadSnapshotResult { Snapshot: null }:
                return null;
            case LoadSnapshotResult { Snapshot: var selected } when selected.Metadata.SequenceNr != sequenceNr:
                return null;
            case LoadSnapshotResult { Snapshot.Snapshot: byte[] payload }:
                return payload;
            case LoadSnapshotResult { Snapshot: var selected }:
                throw Damaged(where, $"its row{part} holds a {selected.Snapshot?.GetType().FullName ?? "null"} instead of bytes (was it written by something else, or with a serializer other than Akka's byte-array serializer?)");
            case LoadSnapshotFailed failed:
                throw Failed(where, "load", part, failed.Cause);
            default:
                throw Failed(where, "load", part, new InvalidOperationException($"unexpected answer {response.GetType().Name} to a load"));
        }
    }

    private Task DeleteRowsUpToAsync(TaskCheckpoint where, string pid, long maxSequenceNr, CancellationToken ct) =>
        DeleteRequestAsync(where, new DeleteSnapshots(pid, new SnapshotSelectionCriteria(maxSequenceNr, DateTime.MaxValue)), ct);

    private Task DeleteRowAsync(TaskCheckpoint where, string pid, long sequenceNr, CancellationToken ct) =>
        DeleteRequestAsync(where, new DeleteSnapshot(new SnapshotMetadata(pid, sequenceNr, DateTime.MinValue)), ct);

    private async Task DeleteRequestAsync(TaskCheckpoint where, object request, CancellationToken ct)
    {
        object response;
        var started = DateTime.UtcNow;
        try
        {
            response = await Ask(request, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            throw DeleteFailed(where, e, started);
        }
        switch (response)
        {
            case DeleteSnapshotsSuccess or DeleteSnapshotSuccess:
                return;
            case DeleteSnapshotsFailure failure:
                throw DeleteFailed(where, failure.Cause);
            case DeleteSnapshotFailure failure:
                throw DeleteFailed(where, failure.Cause);
            default:
                throw DeleteFailed(where, new InvalidOperationException($"unexpected answer {response.GetType().Name} to a delete"));
        }
    }

    private Task<object> Ask(object request, CancellationToken ct) => _store.Ask<object>(request, _settings.OperationTimeout, ct);

    private ParallelOptions Options(CancellationToken ct) => new() { MaxDegreeOfParallelism = _settings.MaxConcurrentRequests, CancellationToken = ct };

    private static string StatePid(CheckpointKind kind, string pipeline, long checkpointId, int vertex, int index)
    {
        ArgumentException.ThrowIfNullOrEmpty(pipeline);
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown checkpoint kind");
        if (checkpointId is < 0 or > CheckpointStateFormat.MaxCheckpointId)
            throw new ArgumentOutOfRangeException(nameof(checkpointId), checkpointId, $"checkpoint ids run from 0 to {CheckpointStateFormat.MaxCheckpointId}");
        if (vertex < 0 || index < 0)
            throw new ArgumentOutOfRangeException(nameof(vertex), $"task v{vertex}#{index}: vertex and index must not be negative");
        var pid = CheckpointStateFormat.StatePersistenceId(kind, pipeline, vertex, index);
        if (CheckpointStateFormat.ChunkPersistenceId(pid).Length > CheckpointStateFormat.MaxPersistenceIdLength)
            throw new ArgumentException(
                $"pipeline name '{pipeline}' is too long to store checkpoints: the persistence id '{CheckpointStateFormat.ChunkPersistenceId(pid)}' " +
                $"exceeds the snapshot store's {CheckpointStateFormat.MaxPersistenceIdLength} characters; shorten the pipeline name", nameof(pipeline));
        return pid;
    }

    private CheckpointStorageException Failed(TaskCheckpoint where, string verb, string part, Exception cause, DateTime? started = null) =>
        new($"{where.Describe()} could not {verb} the state of task {where.Task}{part}: {CauseText(cause, started)}; is the database of snapshot store '{PluginId}' reachable?", cause);

    private CheckpointStorageException DeleteFailed(TaskCheckpoint where, Exception cause, DateTime? started = null) =>
        new($"deleting {where.KindName}s up to {where.CheckpointId} of pipeline '{where.Pipeline}' failed for task {where.Task}: {CauseText(cause, started)}; " +
            $"is the database of snapshot store '{PluginId}' reachable? (nothing is lost: the next delete removes what this one left)", cause);

    private static CheckpointStorageException Damaged(TaskCheckpoint where, string detail, Exception? cause = null) =>
        new($"{where.Describe()}: the stored state of task {where.Task} is damaged: {detail}; restore from another checkpoint or savepoint", cause);

    private string CauseText(Exception cause, DateTime? started)
    {
        if (cause is not AskTimeoutException) return ErrorText.Describe(cause);
        var text = $"the snapshot store did not answer within {Format(_settings.OperationTimeout)} ({CheckpointStorageSettings.Path}.operation-timeout)";
        // The store may have failed shortly before this request and be retrying quietly since.
        var logged = started is { } since ? _storeErrors.LatestSince(since - _settings.OperationTimeout) : null;
        return logged is null ? text : $"{text}; its latest logged error: {logged}";
    }

    private static string Format(TimeSpan t) => t.TotalSeconds == Math.Floor(t.TotalSeconds) ? $"{t.TotalSeconds:0}s" : $"{t.TotalMilliseconds:0}ms";

    private static string SettingNaming(CheckpointStorageSettings settings) => string.IsNullOrEmpty(settings.SnapshotPlugin)
        ? "akka.persistence.snapshot-store.plugin"
        : $"{CheckpointStorageSettings.Path}.snapshot-plugin";
}
