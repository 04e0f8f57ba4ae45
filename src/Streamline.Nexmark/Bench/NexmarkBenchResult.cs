using System.Text;

namespace Streamline.Nexmark.Bench;

/// <summary>The figures of one benchmark run (NEXMARK.md §4.3). CPU figures are process CPU time, all threads.</summary>
public sealed record NexmarkBenchResult
{
    public required string Query { get; init; }

    public required NexmarkBenchMode Mode { get; init; }

    public required long Events { get; init; }

    public required long WarmupEvents { get; init; }

    public required int EventTimeRate { get; init; }

    public required double WallSeconds { get; init; }

    public required double CpuSeconds { get; init; }

    /// <summary>CPU seconds the generator alone needs for the same events (0 when not measured).</summary>
    public required double GeneratorCpuSeconds { get; init; }

    public required long PeakWorkingSetBytes { get; init; }

    public required int Gen0Collections { get; init; }

    public required int Gen1Collections { get; init; }

    public required int Gen2Collections { get; init; }

    public required TimeSpan GcPauseTime { get; init; }

    public required long AllocatedBytes { get; init; }

    /// <summary>Records the sink received over the whole run (warm-up included).</summary>
    public required long Results { get; init; }

    public required long Checksum { get; init; }

    public NexmarkLatency? Latency { get; init; }

    /// <summary>Kafka mode: the baseline loop and Streamline side by side (the other figures are Streamline's).</summary>
    public NexmarkKafkaComparison? Kafka { get; init; }

    public required string Environment { get; init; }

    public double EventsPerSecond => Events / WallSeconds;

    /// <summary>NXF's "throughput per core": events ÷ CPU-seconds, generator included.</summary>
    public double EventsPerCpuSecond => Events / CpuSeconds;

    public double GeneratorCpuShare => CpuSeconds > 0 ? GeneratorCpuSeconds / CpuSeconds : 0;

    /// <summary>Events ÷ (CPU-seconds − generator CPU-seconds): the engine's own per-core rate.</summary>
    public double EventsPerCpuSecondExcludingGenerator =>
        GeneratorCpuSeconds > 0 && CpuSeconds > GeneratorCpuSeconds ? Events / (CpuSeconds - GeneratorCpuSeconds) : double.NaN;

    public double AllocatedBytesPerEvent => (double)AllocatedBytes / Events;

    public string Format()
    {
        var s = new StringBuilder();
        s.AppendLine($"nexmark {Query} ({Mode}): {Events:N0} events measured after {WarmupEvents:N0} warm-up, event-time rate {EventTimeRate:N0}/s");
        s.AppendLine($"  wall      {WallSeconds:F2} s → {EventsPerSecond / 1e6:F3} M events/s");
        var cpuNote = Kafka is null ? "generator included" : "Streamline path, embedded broker included";
        s.AppendLine($"  cpu       {CpuSeconds:F2} s → {EventsPerCpuSecond / 1e6:F3} M events per CPU-second ({cpuNote})");
        if (GeneratorCpuSeconds > 0)
            s.AppendLine($"  generator {GeneratorCpuSeconds:F2} CPU-s ({GeneratorCpuShare:P0}) → {EventsPerCpuSecondExcludingGenerator / 1e6:F3} M events per CPU-second (generator excluded)");
        s.AppendLine($"  memory    peak working set {PeakWorkingSetBytes / 1048576.0:F0} MiB, {AllocatedBytesPerEvent:F0} B allocated per event");
        s.AppendLine($"  gc        gen0 {Gen0Collections}, gen1 {Gen1Collections}, gen2 {Gen2Collections}, total pause {GcPauseTime.TotalMilliseconds:F0} ms");
        s.AppendLine($"  results   {Results:N0} (checksum {Checksum:X16}{(Kafka is null ? "" : ", of the serialized results")})");
        if (Latency is not null) s.AppendLine($"  {Latency}");
        if (Kafka is not null) s.AppendLine(Kafka.Format());
        s.Append($"  env       {Environment}");
        return s.ToString();
    }
}
