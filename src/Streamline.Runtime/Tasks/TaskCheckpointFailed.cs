namespace Streamline.Runtime.Tasks;

/// <summary>A task could not take or store its state for a checkpoint; the checkpoint is aborted.</summary>
public sealed record TaskCheckpointFailed(TaskId Task, int Epoch, long CheckpointId, string Reason);
