using System.Diagnostics;

namespace Streamline.Benchmarks;

/// <summary>Wall time, process CPU time and managed allocations of one measured run.</summary>
public sealed record Measurement(string Name, long Records, TimeSpan Wall, TimeSpan Cpu, long AllocatedBytes, int Gen0, int Gen1, int Gen2)
{
    public double RecordsPerSecond => Records / Wall.TotalSeconds;

    public double RecordsPerCpuSecond => Records / Math.Max(Cpu.TotalSeconds, 1e-9);

    public double BytesPerRecord => (double)AllocatedBytes / Records;

    public static async Task<Measurement> RunAsync(string name, long records, Func<Task> body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var wall = Stopwatch.StartNew();
        await body();
        wall.Stop();
        process.Refresh();
        return new Measurement(name, records, wall.Elapsed, process.TotalProcessorTime - cpu0,
            GC.GetTotalAllocatedBytes(precise: true) - alloc0,
            GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2);
    }
}
