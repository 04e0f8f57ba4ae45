namespace Streamline.Samples.Clickstream;

/// <summary>Figures of <see cref="ClickstreamBenchmark"/>: the same pipeline and event count with and without the skewed keys.</summary>
public sealed record ClickstreamBenchmarkResult(ClickstreamBenchmarkRun Skewed, ClickstreamBenchmarkRun Uniform)
{
    /// <summary>Skewed throughput relative to uniform (1 = the skew costs nothing).</summary>
    public double SkewedToUniform => Skewed.EventsPerSecond / Math.Max(Uniform.EventsPerSecond, 1e-9);

    public override string ToString() =>
        string.Join(Environment.NewLine, Skewed, Uniform, $"skewed/uniform throughput: {SkewedToUniform:F2}");
}
