namespace Streamline.Benchmarks;

/// <summary>
/// One timed step of writing or reading checkpoint state: wall time, the bytes it handled, the CPU
/// it took in this process and in the database server (PostgreSQL runs out of process), and what
/// this process allocated. For repeated steps, all figures are per repetition.
/// </summary>
public sealed record BreakdownStep(string Name, TimeSpan Time, long Bytes, TimeSpan Cpu, TimeSpan ServerCpu, long Allocated)
{
    public double MbPerSecond => Bytes / 1048576.0 / Time.TotalSeconds;
}
