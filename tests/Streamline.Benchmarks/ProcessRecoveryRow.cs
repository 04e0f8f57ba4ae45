namespace Streamline.Benchmarks;

/// <summary>One kill -9 of a node process and its replacement's recovery, timed from the kill.</summary>
public sealed record ProcessRecoveryRow(string Store, int Kill, long CheckpointBefore, long Restored, TimeSpan ToProcessOutput, TimeSpan ToRestored, TimeSpan ToFirstOutput);
