using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Core.Sinks;
using Streamline.Core.Time;
using Streamline.Core.Windows;

namespace Streamline.Benchmarks;

/// <summary>
/// In-process throughput of the engine: a fused map/filter chain and a keyed tumbling-window count,
/// each beside baselines that do the same work without Streamline.
/// </summary>
public static class CoreBenchmarks
{
    public static async Task RunAsync(ActorSystem system, long records)
    {
        var chain = new List<Measurement>();
        long sink = 0;
        chain.Add(await Measurement.RunAsync("plain C# loop (same work)", records, () =>
        {
            long acc = 0;
            for (long i = 0; i < records; i++)
            {
                var v = i * 3 + 1;
                if (v % 5 != 0) acc += v ^ 0x5bd1e995;
            }
            sink += acc;
            return Task.CompletedTask;
        }));
        chain.Add(await Measurement.RunAsync("Akka.Streams per element (Select/Where)", records, async () =>
        {
            await Source.From(Count(records)).Select(i => i * 3 + 1).Where(v => v % 5 != 0).Select(v => v ^ 0x5bd1e995)
                .RunWith(Sink.Aggregate<long, long>(0, (a, v) => a + v), system.Materializer());
        }));
        chain.Add(await Measurement.RunAsync("Streamline map→filter→map (batched)", records, async () =>
        {
            var p = PipelineBuilder.Create("chain");
            var discard = new DiscardingSink<long>();
            p.FromGenerator(Count(records), WatermarkStrategy<long>.NoWatermarks()).Map(i => i * 3 + 1).Filter(v => v % 5 != 0).Map(v => v ^ 0x5bd1e995).To(discard);
            var running = LocalRunner.Run(p.Build(), system);
            await WaitForCount(discard, records - records / 5, running);
            running.Stop();
            await running.Completion;
        }));
        Report.Print($"Fused map/filter chain, {records:N0} records (checksum {sink & 0xff})", chain);

        var windows = new List<Measurement>();
        const int keys = 1000;
        windows.Add(await Measurement.RunAsync("plain C# Dictionary count per (key, second)", records, () =>
        {
            var counts = new Dictionary<(long, long), long>();
            for (long i = 0; i < records; i++)
            {
                var key = (i * 7919) % keys;
                var window = i / 1000;
                counts[(key, window)] = counts.GetValueOrDefault((key, window)) + 1;
                if (i % 1000 == 999) counts.Clear();
            }
            sink += counts.Count;
            return Task.CompletedTask;
        }));
        windows.Add(await Measurement.RunAsync("Streamline keyBy→tumbling 1 s→count", records, async () =>
        {
            var p = PipelineBuilder.Create("windows");
            var discard = new DiscardingSink<WindowResult<long, long>>();
            // One record per ms of event time, so each 1 s window holds 1000 records over 1000 keys.
            p.FromCollection(Count(records), WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner(i => i))
                .KeyBy(i => (i * 7919) % keys)
                .Window(TumblingEventTimeWindows.Of(TimeSpan.FromSeconds(1)))
                .Count()
                .To(discard);
            var running = LocalRunner.Run(p.Build(), system);
            await running.Completion;
        }));
        Report.Print($"Keyed tumbling-window count, {records:N0} records, {keys} keys", windows);
    }

    private static IEnumerable<long> Count(long n)
    {
        for (long i = 0; i < n; i++) yield return i;
    }

    private static async Task WaitForCount<T>(DiscardingSink<T> sink, long expected, RunningPipeline running)
    {
        // The generator source never ends on its own; poll the sink's counter (a benchmark, not a test).
        while (sink.Count < expected)
        {
            if (running.Completion.IsFaulted) await running.Completion;
            await Task.Delay(5);
        }
    }
}
