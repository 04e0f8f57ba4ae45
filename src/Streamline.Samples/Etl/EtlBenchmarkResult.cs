using System.Globalization;

namespace Streamline.Samples.Etl;

/// <summary>
/// Figures of one benchmark run: end-to-end throughput of the pipeline under the local runner, and per-stage
/// cost from running each stage's function alone over the same corpus. <see cref="RuntimeOverheadShare"/> is
/// the part of the end-to-end time not explained by the stage functions (batching, stage hops, state access).
/// <see cref="PipelineCpuTime"/> is the processor time of the whole process during the end-to-end run (all
/// threads, GC included), the basis of the per-core figures.
/// </summary>
public sealed record EtlBenchmarkResult(long Documents, long Bytes, TimeSpan PipelineElapsed, TimeSpan PipelineCpuTime, IReadOnlyList<StageTiming> Stages)
{
    public double DocumentsPerSecond => Documents / Math.Max(PipelineElapsed.TotalSeconds, 1e-9);

    public double MegabytesPerSecond => Bytes / 1e6 / Math.Max(PipelineElapsed.TotalSeconds, 1e-9);

    public double DocumentsPerCpuSecond => Documents / Math.Max(PipelineCpuTime.TotalSeconds, 1e-9);

    public double MegabytesPerCpuSecond => Bytes / 1e6 / Math.Max(PipelineCpuTime.TotalSeconds, 1e-9);

    public TimeSpan StagesElapsed => TimeSpan.FromTicks(Stages.Sum(s => s.Elapsed.Ticks));

    public double RuntimeOverheadShare => Math.Max(0, 1 - (StagesElapsed.TotalSeconds / Math.Max(PipelineElapsed.TotalSeconds, 1e-9)));

    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(c, $"pipeline: {Documents:N0} docs, {Bytes / 1e6:F1} MB in {PipelineElapsed.TotalSeconds:F2} s = {DocumentsPerSecond:N0} docs/s, {MegabytesPerSecond:F2} MB/s"),
            string.Create(c, $"per core: {PipelineCpuTime.TotalSeconds:F2} CPU-s = {DocumentsPerCpuSecond:N0} docs and {MegabytesPerCpuSecond:F2} MB per CPU-second"),
            string.Create(c, $"stage functions alone: {StagesElapsed.TotalSeconds:F2} s; runtime overhead {RuntimeOverheadShare:P0} of the pipeline time"),
        };
        lines.AddRange(Stages.Select(s => string.Create(c, $"  {s.Stage,-14}{s.Records,9:N0} records {s.Elapsed.TotalMilliseconds,9:F1} ms {s.Share,7:P1}")));
        return string.Join(Environment.NewLine, lines);
    }
}
