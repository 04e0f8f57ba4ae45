using System.Diagnostics;

namespace Streamline.Nexmark.Bench.Internal;

/// <summary>Process-wide counters at one instant; a measurement is the difference of two.</summary>
internal readonly record struct ProcessSnapshot(long Ticks, TimeSpan Cpu, int Gen0, int Gen1, int Gen2, TimeSpan GcPause, long Allocated)
{
    public static ProcessSnapshot Take()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessSnapshot(Stopwatch.GetTimestamp(), process.TotalProcessorTime,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: false));
    }

    public double SecondsSince(ProcessSnapshot start) => (double)(Ticks - start.Ticks) / Stopwatch.Frequency;
}
