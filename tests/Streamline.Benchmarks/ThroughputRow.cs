namespace Streamline.Benchmarks;

/// <summary>
/// One throughput run of the windowed pipeline: input records/s over the measured window (from
/// the generator's count; <see cref="KeyedRecordsPerSecond"/> is the same from the keyed tasks'
/// status reports, which lag up to a second) and the checkpoints completed in it.
/// </summary>
public sealed record ThroughputRow(string Config, double RecordsPerSecond, double KeyedRecordsPerSecond, double CpuSeconds, double Seconds, IReadOnlyList<CompletedCheckpoint> Checkpoints, int Failed, string? LastFailure)
{
    public double RecordsPerCpuSecond => RecordsPerSecond * Seconds / Math.Max(CpuSeconds, 1e-9);
}
