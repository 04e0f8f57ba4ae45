namespace Streamline.Nexmark.Bench;

/// <summary>
/// One path of a Kafka-mode run (the plain loop or Streamline), measured from creating its clients
/// until its last output was acknowledged. CPU and allocations are process-wide, so they include the
/// in-process embedded broker, the same for both paths.
/// </summary>
public sealed record NexmarkKafkaFigures(string Path, long InputRecords, long OutputRecords, double WallSeconds, double CpuSeconds, long AllocatedBytes)
{
    public double RecordsPerSecond => InputRecords / WallSeconds;

    public double RecordsPerCpuSecond => InputRecords / CpuSeconds;

    public double AllocatedBytesPerRecord => (double)AllocatedBytes / InputRecords;
}
