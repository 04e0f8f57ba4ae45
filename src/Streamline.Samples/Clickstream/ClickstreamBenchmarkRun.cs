using System.Globalization;

namespace Streamline.Samples.Clickstream;

/// <summary>One timed run of the clickstream pipeline over one dataset.</summary>
/// <param name="CpuTime">Processor time of the whole process during the run (all threads, GC included).</param>
public sealed record ClickstreamBenchmarkRun(
    string Dataset, long Events, TimeSpan Elapsed, TimeSpan CpuTime, long Sessions, long PageCounts, long BotAlerts, double HottestKeyShare)
{
    public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>The per-core figure: events per second of CPU the process used.</summary>
    public double EventsPerCpuSecond => Events / Math.Max(CpuTime.TotalSeconds, 1e-9);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Dataset,-8} {Events,9:N0} events in {Elapsed.TotalSeconds,6:F2} s = {EventsPerSecond,9:N0} events/s, {EventsPerCpuSecond,9:N0} events per CPU-s " +
        $"(hottest user {HottestKeyShare:P1} of events; {Sessions:N0} sessions, {PageCounts:N0} page counts, {BotAlerts} bot alerts)");
}
