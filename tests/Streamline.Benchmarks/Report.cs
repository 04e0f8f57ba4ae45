namespace Streamline.Benchmarks;

/// <summary>Prints measurements side by side, each relative to the first (the baseline).</summary>
public static class Report
{
    public static void Print(string title, IReadOnlyList<Measurement> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        Console.WriteLine($"{"run",-44} {"records",12} {"wall s",8} {"rec/s",14} {"cpu s",8} {"rec/cpu-s",14} {"B/rec",8} {"gc0/1/2",10} {"vs first",9}");
        var baseline = rows[0].RecordsPerSecond;
        foreach (var r in rows)
        {
            Console.WriteLine(
                $"{r.Name,-44} {r.Records,12:N0} {r.Wall.TotalSeconds,8:F2} {r.RecordsPerSecond,14:N0} {r.Cpu.TotalSeconds,8:F2} {r.RecordsPerCpuSecond,14:N0} {r.BytesPerRecord,8:F1} {$"{r.Gen0}/{r.Gen1}/{r.Gen2}",10} {r.RecordsPerSecond / baseline,8:P0}");
        }
    }
}
