namespace Streamline.Runtime.Coordination;

/// <summary>The checkpoint side of a pipeline's status.</summary>
public sealed record CheckpointInfo(long LastCompletedId, DateTime? LastCompletedAt, TimeSpan LastDuration, long LastBytes, int ConsecutiveFailures, string? LastFailure, long RestoredFrom)
{
    public static readonly CheckpointInfo None = new(0, null, TimeSpan.Zero, 0, 0, null, 0);
}
