namespace Streamline.Runtime.Tasks;

/// <summary>Tells a source task to inject the barrier of checkpoint (or savepoint) <see cref="CheckpointId"/>.</summary>
public sealed record TriggerCheckpoint(TaskId Task, int Epoch, long CheckpointId, long Timestamp, bool IsSavepoint);
