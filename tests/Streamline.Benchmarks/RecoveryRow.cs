namespace Streamline.Benchmarks;

/// <summary>
/// A restart after an abrupt end of the node: times from creating the new ActorSystem to its
/// cluster member being Up, to every task running (state loaded; known only when this benchmark
/// submitted the pipeline itself, not when the pipeline manager resumed it), to the first window
/// result at the sink. <see cref="ResumedAtRecord"/> is where the first written window begins, in
/// input records (0: it started from scratch, nothing was restored).
/// </summary>
public sealed record RecoveryRow(
    string Store, string Interval, long LastCompletedBeforeKill, long CheckpointBytes, long ReadBeforeKill,
    bool ResumedByManager, long? RestoredFrom, TimeSpan NodeUp, TimeSpan? TasksStarted, TimeSpan FirstOutput, long ResumedAtRecord);
