using System.Text;
using Streamline.Nexmark.Serialization;

namespace Streamline.Nexmark.Bench;

/// <summary>Kafka mode: the plain consume→produce loop and Streamline over the same input topic, side by side.</summary>
public sealed record NexmarkKafkaComparison
{
    public required NexmarkEventFormat EventFormat { get; init; }

    public required int Partitions { get; init; }

    /// <summary>Bytes of record values in the measured input topic.</summary>
    public required long InputBytes { get; init; }

    public required NexmarkKafkaFigures Baseline { get; init; }

    public required NexmarkKafkaFigures Streamline { get; init; }

    /// <summary>Streamline ÷ baseline records per wall-clock second (1 = as fast as the plain loop).</summary>
    public double ThroughputRatio => Streamline.RecordsPerSecond / Baseline.RecordsPerSecond;

    /// <summary>Streamline ÷ baseline records per CPU-second (1 = as frugal as the plain loop).</summary>
    public double CpuEfficiencyRatio => Streamline.RecordsPerCpuSecond / Baseline.RecordsPerCpuSecond;

    public double AllocationRatio => Streamline.AllocatedBytesPerRecord / Baseline.AllocatedBytesPerRecord;

    /// <summary>A small table: one column per path, one for the ratio.</summary>
    public string Format()
    {
        var s = new StringBuilder();
        s.AppendLine($"  kafka     {Baseline.InputRecords:N0} input records, {InputBytes / 1048576.0:F1} MiB ({EventFormat.ToString().ToLowerInvariant()}), {Partitions} partitions, embedded broker in this process");
        s.AppendLine($"  {"",-22}{"baseline loop",16}{"Streamline",16}{"ratio S÷B",12}");
        Row(s, "records/s", Baseline.RecordsPerSecond, Streamline.RecordsPerSecond, "N0", ThroughputRatio);
        Row(s, "CPU-seconds", Baseline.CpuSeconds, Streamline.CpuSeconds, "F2", Streamline.CpuSeconds / Baseline.CpuSeconds);
        Row(s, "records per CPU-s", Baseline.RecordsPerCpuSecond, Streamline.RecordsPerCpuSecond, "N0", CpuEfficiencyRatio);
        Row(s, "allocated B/record", Baseline.AllocatedBytesPerRecord, Streamline.AllocatedBytesPerRecord, "F0", AllocationRatio);
        Row(s, "wall seconds", Baseline.WallSeconds, Streamline.WallSeconds, "F2", Streamline.WallSeconds / Baseline.WallSeconds);
        s.Append($"  {"output records",-22}{Baseline.OutputRecords,16:N0}{Streamline.OutputRecords,16:N0}");
        return s.ToString();
    }

    private static void Row(StringBuilder s, string label, double baseline, double streamline, string format, double ratio) =>
        s.AppendLine($"  {label,-22}{baseline.ToString(format, System.Globalization.CultureInfo.InvariantCulture),16}" +
                     $"{streamline.ToString(format, System.Globalization.CultureInfo.InvariantCulture),16}{ratio,12:F2}");
}
