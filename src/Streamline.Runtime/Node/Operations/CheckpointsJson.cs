using Streamline.Runtime.Coordination;

namespace Streamline.Runtime.Node.Operations;

/// <summary>The checkpoint side of a pipeline's status: the last completed checkpoint or savepoint, failures since, the one this deployment restored (0: none).</summary>
public sealed record CheckpointsJson(long LastCompletedId, DateTime? LastCompletedAt, double LastDurationMs, long LastBytes, int ConsecutiveFailures, string? LastFailure, long RestoredFrom)
{
    public static CheckpointsJson From(CheckpointInfo info) =>
        new(info.LastCompletedId, info.LastCompletedAt, info.LastDuration.TotalMilliseconds, info.LastBytes, info.ConsecutiveFailures, info.LastFailure, info.RestoredFrom);
}
