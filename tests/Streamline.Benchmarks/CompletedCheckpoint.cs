namespace Streamline.Benchmarks;

/// <summary>A checkpoint the coordinator reported complete: when this process saw it (Stopwatch ticks), how long it took, its size.</summary>
public sealed record CompletedCheckpoint(long Id, long SeenAt, TimeSpan Duration, long Bytes);
