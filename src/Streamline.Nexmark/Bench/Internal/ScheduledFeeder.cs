using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Sources;
using Streamline.Core.Stages;
using Streamline.Core.Time;
using Streamline.Nexmark.Generator;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Bench.Internal;

/// <summary>
/// A source fed on the generator's wall-clock schedule (Beam/Jet style): a dedicated thread offers
/// each event once it is due, in batches of what is due, so neither the stream thread nor batching
/// holds events back. If the pipeline falls behind, events queue and latency grows (as it should).
/// </summary>
internal sealed class ScheduledFeeder : ISourceDefinition<NexmarkEvent>
{
    private const int MaxOffer = 512;
    private readonly GeneratorConfig _config;
    private readonly TaskCompletionSource<EnumerableSourceControl<NexmarkEvent>> _control = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _offered;

    public ScheduledFeeder(GeneratorConfig config, TimeSpan watermarkDelay)
    {
        _config = config;
        WatermarkStrategy = Sources.NexmarkSource.Watermarks(watermarkDelay);
    }

    public WatermarkStrategy<NexmarkEvent> WatermarkStrategy { get; }

    public long Offered => Interlocked.Read(ref _offered);

    public string Describe() => "nexmark generator on a wall-clock schedule";

    public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ISourceControl> register) =>
        new ReportingStage<EnumerableSourceControl<NexmarkEvent>>(
            new EnumerableSourceStage<NexmarkEvent>(name, null, WatermarkStrategy, context),
            control =>
            {
                register(control);
                _control.TrySetResult(control);
            });

    /// <summary>Feeds every event at its due time, then ends the stream with a final watermark.</summary>
    public Task RunAsync(WallClockSchedule schedule, CancellationToken ct) => Task.Factory.StartNew(() =>
    {
        var control = _control.Task.GetAwaiter().GetResult();
        var generator = new NexmarkGenerator(_config);
        var batch = new List<(NexmarkEvent, long?)>(MaxOffer);
        while (generator.HasNext && !ct.IsCancellationRequested)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            while (batch.Count < MaxOffer && generator.HasNext && schedule.DueTimeMs(generator.Position) <= now)
            {
                var e = generator.NextEvent();
                batch.Add((e, e.Timestamp));
            }
            if (batch.Count > 0)
            {
                control.Offer(batch.ToArray()).GetAwaiter().GetResult();
                Interlocked.Add(ref _offered, batch.Count);
                batch.Clear();
                continue;
            }
            // Due times are whole milliseconds: sleeping to the next one adds at most ~1 ms and does not burn a core.
            var wait = schedule.DueTimeMs(generator.Position) - now;
            Thread.Sleep((int)Math.Clamp(wait, 1, 100));
        }
        control.InjectSignal(new Watermark(long.MaxValue)).GetAwaiter().GetResult();
        control.Stop();
    }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
