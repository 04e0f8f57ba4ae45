using Streamline.Core.Dsl;
using Streamline.Core.Graph;
using Streamline.Core.Time;
using Streamline.Core.Windows;
using Streamline.Runtime.Node;

namespace Streamline.Benchmarks;

/// <summary>
/// The keyed windowed pipeline of the throughput runs: generator (parallelism 1) → key by one of
/// <see cref="Keys"/> → tumbling 1 s event-time count (parallelism 2, so every record crosses the
/// hash exchange) → counting sink. Event time advances 1 ms per <see cref="RecordsPerMs"/>
/// records: each window holds 100 000 records, ~10 per key, and closes every ~0.1 s of wall time
/// at 1 M records/s, so a checkpoint finds one or two open windows of every key.
/// </summary>
public sealed class WindowedWorkload
{
    public const string Pipeline = "windowed";
    public const int Keys = 10_000;
    public const int RecordsPerMs = 100;

    private long _produced;
    private long _outputs;
    private long _firstWindowStart = -1;

    /// <summary>Records the generator has handed out so far (a restored source's skipped records included).</summary>
    public long Produced => Volatile.Read(ref _produced);

    /// <summary>Window results that reached the sink.</summary>
    public long Outputs => Interlocked.Read(ref _outputs);

    /// <summary>
    /// The input record at which the first window written by this run begins (-1: none yet). A
    /// fresh run's is 0; a run restored from a checkpoint starts with the windows open at the
    /// checkpoint, so this is at most one window (100 000 records) before the restored position.
    /// </summary>
    public long FirstWindowRecord => Interlocked.Read(ref _firstWindowStart) is var start and >= 0 ? start * RecordsPerMs : -1;

    public static string Describe => $"generator (p=1) → keyBy(1 of {Keys:N0}) → tumbling 1 s event-time count (p=2, hash exchange) → counting sink; " +
                                     $"event time 1 ms per {RecordsPerMs} records";

    public PipelineRegistry Registry()
    {
        var registry = new PipelineRegistry();
        registry.Register(Pipeline, Build);
        return registry;
    }

    private PipelineDefinition Build()
    {
        var p = PipelineBuilder.Create(Pipeline, defaultParallelism: 2);
        p.FromGenerator(Numbers(), WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner(i => i / RecordsPerMs), name: "numbers").WithParallelism(1)
            .KeyBy(i => i * 7919 % Keys)
            .Window(TumblingEventTimeWindows.Of(TimeSpan.FromSeconds(1)))
            .Count().Named("count")
            .ForEach(r =>
            {
                if (Interlocked.Increment(ref _outputs) == 1) Interlocked.Exchange(ref _firstWindowStart, r.Window.Start);
            }, "outputs");
        return p.Build();
    }

    private IEnumerable<long> Numbers()
    {
        // One writer (the source's stage); readers poll Produced.
        for (long i = 0; ; i++)
        {
            Volatile.Write(ref _produced, i + 1);
            yield return i;
        }
    }
}
