namespace Streamline.Runtime.Checkpoints;

/// <summary>The coordinator's journal event for a deleted savepoint.</summary>
public sealed record SavepointDeleted(long CheckpointId);
