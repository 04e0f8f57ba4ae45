using System.Globalization;

namespace Streamline.Benchmarks;

/// <summary>
/// CPU time of a PostgreSQL server's processes (postmaster, its live backends, and the backends
/// and workers it already reaped), read from /proc: the checkpoint store's work happens there,
/// outside this process, and would otherwise be missing from the records per CPU-second.
/// </summary>
public static class ExternalCpu
{
    // USER_HZ: 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static TimeSpan OfPostgres(string dataDirectory)
    {
        try
        {
            var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
            if (!File.Exists(pidFile)) return TimeSpan.Zero;
            var postmaster = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
            long ticks = 0;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
                var fields = Stat(pid);
                if (fields is null) continue;
                // After "(comm)": [0] state, [1] ppid, ..., [11] utime, [12] stime, [13] cutime, [14] cstime.
                if (pid == postmaster) ticks += fields[11] + fields[12] + fields[13] + fields[14];
                else if (fields[1] == postmaster) ticks += fields[11] + fields[12];
            }
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return TimeSpan.Zero;
        }
    }

    private static long[]? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended meanwhile
        }
        // comm may contain spaces and parentheses: the fields start after the last ')'.
        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        if (rest.Length < 15) return null;
        var fields = new long[15];
        for (var i = 1; i < 15; i++) fields[i] = long.TryParse(rest[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0;
        return fields;
    }
}
