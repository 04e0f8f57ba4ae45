namespace Streamline.Benchmarks;

/// <summary>
/// One savepoint of the large keyed state and the restore from it. <see cref="Savepoint"/> is the
/// caller's wall time of TakeSavepointAsync, <see cref="CoordinatorDuration"/> the coordinator's
/// (barrier injected → every task acknowledged its stored state). Restore times run from creating
/// the new node's ActorSystem; tasks started and the restored id are unknown (null) when the
/// pipeline manager resumed the pipeline by itself instead of taking the submit.
/// </summary>
public sealed record LargeStateRow(
    string Store, int Keys, long Bytes, TimeSpan Build, TimeSpan Savepoint, TimeSpan CoordinatorDuration,
    TimeSpan NodeUp, TimeSpan? TasksStarted, TimeSpan FirstOutput, long? RestoredFrom, long SavepointId, long KeysCreatedAgain,
    int Gen2DuringSavepoint, TimeSpan GcPauseDuringSavepoint, long WorkingSetBefore, long WorkingSetPeak)
{
    public double SavepointMbPerSecond => Bytes / 1048576.0 / Savepoint.TotalSeconds;
}
