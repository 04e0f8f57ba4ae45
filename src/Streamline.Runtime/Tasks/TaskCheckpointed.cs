namespace Streamline.Runtime.Tasks;

/// <summary>A task stored its state for a checkpoint (<see cref="Bytes"/> long) — its acknowledgement.</summary>
public sealed record TaskCheckpointed(TaskId Task, int Epoch, long CheckpointId, long Bytes);
