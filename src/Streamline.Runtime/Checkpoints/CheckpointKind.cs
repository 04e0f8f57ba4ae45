namespace Streamline.Runtime.Checkpoints;

/// <summary>
/// Checkpoints are taken periodically and pruned as newer ones complete; savepoints are taken on
/// request and kept until deleted explicitly. They live under different persistence ids, so
/// pruning checkpoints can never remove a savepoint.
/// </summary>
public enum CheckpointKind
{
    Checkpoint,
    Savepoint,
}
