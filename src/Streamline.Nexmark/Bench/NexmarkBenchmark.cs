using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Nexmark.Bench.Internal;
using Streamline.Nexmark.Generator;
using Streamline.Nexmark.Queries;
using Streamline.Nexmark.Sources;

namespace Streamline.Nexmark.Bench;

/// <summary>
/// Runs one Nexmark query in this process (NEXMARK.md §4.3). Engine mode: generator source →
/// query → discarding sink at full speed; warm-up events first, then the measured events, timed
/// from the moment the source emits the first measured one until the pipeline completes. The
/// generator alone is timed over the same events beforehand, so its CPU can be subtracted.
/// Latency mode: the generator emits on its wall-clock schedule and every result's latency goes
/// into an HDR histogram. Kafka mode: embedded Kafka → query → Kafka beside a plain
/// consume→produce loop over the same records (see <see cref="NexmarkKafkaBenchmark"/>).
/// </summary>
public static class NexmarkBenchmark
{
    private static readonly Config Quiet = ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING");

    public static async Task<NexmarkBenchResult> RunAsync(NexmarkBenchOptions o, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(output);
        o.Validate();
        var query = QueryCatalog.Get(o.Query);
        var config = o.BuildGeneratorConfig();
        output.WriteLine($"nexmark {query} — {o.Mode} mode, {o.EffectiveWarmupEvents:N0} warm-up + {o.Events:N0} measured events, " +
                         $"{config.FirstEventRate:N0} events/s of event time, watermark delay {o.WatermarkDelay.TotalSeconds:0.###} s");
        return o.Mode switch
        {
            NexmarkBenchMode.Engine => await RunEngineAsync(o, query, config, output, ct).ConfigureAwait(false),
            NexmarkBenchMode.Latency => await RunLatencyAsync(o, query, config, output, ct).ConfigureAwait(false),
            _ => await NexmarkKafkaBenchmark.RunAsync(o, query, config, Quiet, output, ct).ConfigureAwait(false),
        };
    }

    private static async Task<NexmarkBenchResult> RunEngineAsync(NexmarkBenchOptions o, NexmarkQuery query, GeneratorConfig config, TextWriter output, CancellationToken ct)
    {
        var warmup = o.EffectiveWarmupEvents;
        var generatorCpu = o.MeasureGenerator ? MeasureGenerator(config, warmup, o.Events, output, ct) : 0;
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var system = ActorSystem.Create("nexmark-bench", Quiet);
        try
        {
            var sinks = new DiscardingSinkFactory();
            ProcessSnapshot? start = null;
            var probe = new NexmarkSourceProbe(warmup, () => start = ProcessSnapshot.Take());
            if (warmup == 0) start = ProcessSnapshot.Take();
            var pipeline = PipelineBuilder.Create($"nexmark-{query.Name}");
            query.AttachTo(pipeline.Source(new NexmarkSource(config, o.WatermarkDelay, probe), "events"), sinks);
            var running = LocalRunner.Run(pipeline.Build(), system);
            await using var stop = ct.Register(running.Stop);
            var peak = await ReportProgress(query, running.Completion, () => probe.Emitted, warmup + o.Events, o.ProgressInterval, output).ConfigureAwait(false);
            await running.Completion.ConfigureAwait(false);
            var end = ProcessSnapshot.Take();
            ct.ThrowIfCancellationRequested();
            var (count, checksum) = sinks.Read();
            return Result(o, query, config, start ?? throw new InvalidOperationException("the source ended before the warm-up did"), end, generatorCpu, peak, count, checksum, null);
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
    }

    private static async Task<NexmarkBenchResult> RunLatencyAsync(NexmarkBenchOptions o, NexmarkQuery query, GeneratorConfig config, TextWriter output, CancellationToken ct)
    {
        var warmup = o.EffectiveWarmupEvents;
        var system = ActorSystem.Create("nexmark-bench", Quiet);
        try
        {
            // The schedule starts a little later so that materialization is not counted as latency.
            var schedule = new WallClockSchedule(config, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 500);
            long EventTime(long position) => schedule.DueTimeMs(position) - schedule.WallClockBaseMs + config.BaseTimeMs;
            var sink = new LatencySink(query, o.WatermarkDelay, schedule.WallClockBaseMs, config.BaseTimeMs, EventTime(warmup), EventTime(warmup + o.Events - 1));
            var feeder = new ScheduledFeeder(config, o.WatermarkDelay);
            var pipeline = PipelineBuilder.Create($"nexmark-{query.Name}-latency");
            query.AttachTo(pipeline.Source(feeder, "events"), sink);
            var running = LocalRunner.Run(pipeline.Build(), system);
            await using var stop = ct.Register(running.Stop);
            var feeding = feeder.RunAsync(schedule, ct);
            var startAt = schedule.DelayUntilDue(warmup, DateTimeOffset.UtcNow);
            var measuring = Task.Delay(startAt, ct).ContinueWith(_ => ProcessSnapshot.Take(), TaskScheduler.Default);
            var peak = await ReportProgress(query, running.Completion, () => feeder.Offered, warmup + o.Events, o.ProgressInterval, output).ConfigureAwait(false);
            await feeding.ConfigureAwait(false);
            await running.Completion.ConfigureAwait(false);
            var end = ProcessSnapshot.Take();
            ct.ThrowIfCancellationRequested();
            return Result(o, query, config, await measuring.ConfigureAwait(false), end, 0, peak, sink.Results, sink.Checksum, sink.Snapshot());
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
    }

    /// <summary>CPU-seconds the generator alone spends on the measured events (after generating the warm-up ones).</summary>
    private static double MeasureGenerator(GeneratorConfig config, long warmup, long events, TextWriter output, CancellationToken ct)
    {
        var generator = new NexmarkGenerator(config);
        long checksum = 0;
        for (long i = 0; i < warmup; i++) checksum += generator.NextEvent().Timestamp;
        var start = ProcessSnapshot.Take();
        for (long i = 0; i < events; i++)
        {
            checksum += generator.NextEvent().Timestamp;
            if ((i & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
        }
        var end = ProcessSnapshot.Take();
        var cpu = (end.Cpu - start.Cpu).TotalSeconds;
        output.WriteLine($"  generator alone: {events:N0} events in {end.SecondsSince(start):F2} s wall, {cpu:F2} CPU-s → {events / cpu / 1e6:F3} M events per CPU-second (checksum {checksum & 0xFFFF:X4})");
        return cpu;
    }

    /// <summary>Prints a progress line every interval until <paramref name="completion"/>; returns the peak working set seen.</summary>
    private static async Task<long> ReportProgress(NexmarkQuery query, Task completion, Func<long> emitted, long total, TimeSpan interval, TextWriter output)
    {
        using var process = Process.GetCurrentProcess();
        var last = (Events: 0L, Time: Stopwatch.GetTimestamp());
        long peak = 0;
        while (!completion.IsCompleted)
        {
            await Task.WhenAny(completion, Task.Delay(interval)).ConfigureAwait(false);
            process.Refresh();
            peak = Math.Max(peak, process.WorkingSet64);
            var now = (Events: emitted(), Time: Stopwatch.GetTimestamp());
            var rate = (now.Events - last.Events) / Stopwatch.GetElapsedTime(last.Time, now.Time).TotalSeconds;
            output.WriteLine($"  [{query.Name}] {now.Events:N0} / {total:N0} events ({100.0 * now.Events / total:F0} %), {rate / 1e6:F2} M events/s, working set {process.WorkingSet64 / 1048576} MiB");
            last = now;
        }
        process.Refresh();
        return Math.Max(peak, process.PeakWorkingSet64);
    }

    private static NexmarkBenchResult Result(NexmarkBenchOptions o, NexmarkQuery query, GeneratorConfig config, ProcessSnapshot start, ProcessSnapshot end,
        double generatorCpu, long peakWorkingSet, long results, long checksum, NexmarkLatency? latency) => new()
    {
        Query = query.Name,
        Mode = o.Mode,
        Events = o.Events,
        WarmupEvents = o.EffectiveWarmupEvents,
        EventTimeRate = config.FirstEventRate,
        WallSeconds = end.SecondsSince(start),
        CpuSeconds = (end.Cpu - start.Cpu).TotalSeconds,
        GeneratorCpuSeconds = generatorCpu,
        PeakWorkingSetBytes = peakWorkingSet,
        Gen0Collections = end.Gen0 - start.Gen0,
        Gen1Collections = end.Gen1 - start.Gen1,
        Gen2Collections = end.Gen2 - start.Gen2,
        GcPauseTime = end.GcPause - start.GcPause,
        AllocatedBytes = end.Allocated - start.Allocated,
        Results = results,
        Checksum = checksum,
        Latency = latency,
        Environment = BenchEnvironment.Describe(),
    };
}
