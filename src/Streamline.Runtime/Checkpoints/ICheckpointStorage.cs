namespace Streamline.Runtime.Checkpoints;

/// <summary>Durable storage of the state tasks write for a checkpoint or savepoint.</summary>
public interface ICheckpointStorage
{
    /// <summary>The size of the chunks a large state is stored in; encode into chunks of this size to store them without a copy.</summary>
    int ChunkSize { get; }

    /// <summary>
    /// Stores the whole state of task <paramref name="vertex"/>#<paramref name="index"/> for
    /// <paramref name="checkpointId"/> (one call per task per checkpoint). Saving the same task and
    /// checkpoint again replaces the earlier state. Completes only when the state is durable.
    /// </summary>
    Task SaveTaskStateAsync(CheckpointKind kind, string pipeline, long checkpointId, int vertex, int index, ReadOnlyMemory<byte> state, CancellationToken ct = default);

    /// <summary>As the other overload, for a state already in chunks (of the store's chunk size, they are stored without a copy).</summary>
    Task SaveTaskStateAsync(CheckpointKind kind, string pipeline, long checkpointId, int vertex, int index, ChunkedBytes state, CancellationToken ct = default);

    /// <summary>The state that task stored for that checkpoint, or null when it stored nothing (or its write never completed).</summary>
    Task<byte[]?> LoadTaskStateAsync(CheckpointKind kind, string pipeline, long checkpointId, int vertex, int index, CancellationToken ct = default);

    /// <summary>As <see cref="LoadTaskStateAsync"/>, in the chunks it was stored in (any size, no array of the whole).</summary>
    Task<ChunkedBytes?> LoadTaskStateChunksAsync(CheckpointKind kind, string pipeline, long checkpointId, int vertex, int index, CancellationToken ct = default);

    /// <summary>
    /// Deletes the state of every checkpoint up to and including <paramref name="checkpointId"/> of
    /// kind <paramref name="kind"/> for the pipeline's tasks (each vertex with its parallelism).
    /// </summary>
    Task DeleteUpToAsync(CheckpointKind kind, string pipeline, long checkpointId, IReadOnlyList<(int Vertex, int Parallelism)> tasks, CancellationToken ct = default);

    /// <summary>
    /// Deletes the state of exactly <paramref name="checkpointId"/> of kind <paramref name="kind"/>
    /// (other checkpoints and savepoints stay) for the pipeline's tasks. Deleting what is not there
    /// succeeds, so an interrupted delete can be repeated.
    /// </summary>
    Task DeleteAsync(CheckpointKind kind, string pipeline, long checkpointId, IReadOnlyList<(int Vertex, int Parallelism)> tasks, CancellationToken ct = default);
}
