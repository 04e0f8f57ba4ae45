namespace Streamline.Runtime.Checkpoints;

/// <summary>
/// The coordinator's journal event for a checkpoint or savepoint every task stored: what recovery
/// restores (with each vertex's parallelism then, for rescaling).
/// </summary>
public sealed record CheckpointCompleted(CheckpointKind Kind, long CheckpointId, long Timestamp, Dictionary<int, int> Parallelism, long Bytes);
