namespace Streamline.Runtime.Checkpoints;

/// <summary>
/// A task's checkpoint state could not be stored, loaded or deleted, or what was loaded is damaged.
/// The message names the pipeline, checkpoint, task and cause.
/// </summary>
public sealed class CheckpointStorageException : Exception
{
    public CheckpointStorageException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
