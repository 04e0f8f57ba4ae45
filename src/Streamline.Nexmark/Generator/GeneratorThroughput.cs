using System.Diagnostics;

namespace Streamline.Nexmark.Generator;

/// <summary>Single-threaded generator speed, for the benchmark program (not a unit test).</summary>
public static class GeneratorThroughput
{
    /// <summary>Generates <paramref name="events"/> events with the default config as fast as possible; returns events per second.</summary>
    public static double Measure(int events) => Measure(events, GeneratorConfig.Default);

    public static double Measure(int events, GeneratorConfig config)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        ArgumentNullException.ThrowIfNull(config);
        var generator = new NexmarkGenerator(config.WithMaxEvents(0));

        // Builds the static name/channel tables and JITs the path outside the timed loop.
        for (var i = 0; i < 1_000; i++)
        {
            generator.NextEvent();
        }

        long checksum = 0;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < events; i++)
        {
            checksum += generator.NextEvent().Timestamp;
        }

        stopwatch.Stop();
        GC.KeepAlive(checksum);
        return events / stopwatch.Elapsed.TotalSeconds;
    }
}
