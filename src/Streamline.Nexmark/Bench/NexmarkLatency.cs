namespace Streamline.Nexmark.Bench;

/// <summary>Result latency percentiles in milliseconds (HDR histogram, microsecond resolution).</summary>
public sealed record NexmarkLatency(long Samples, double P50Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public override string ToString() =>
        $"latency over {Samples:N0} results: p50 {P50Ms:F2} ms, p99 {P99Ms:F2} ms, p99.9 {P999Ms:F2} ms, max {MaxMs:F2} ms";
}
