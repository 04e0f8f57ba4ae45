using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Sources;
using Streamline.Core.Stages;
using Streamline.Core.Time;
using Streamline.Nexmark.Generator;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Sources;

/// <summary>
/// The Nexmark generator as a pipeline source, at maximum speed (NXF's <c>max-emit-speed</c>).
/// Event time is the event's <c>DateTime</c>; watermarks lag the newest timestamp by a bounded
/// out-of-orderness of 4 s (NXF's <c>WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND</c>).
/// Instance i of n emits positions i, i+n, … (see <see cref="NexmarkGenerator"/>), so any
/// parallelism yields the same events. A config with <c>MaxEvents = 0</c> never ends.
/// </summary>
public sealed class NexmarkSource : ISourceDefinition<NexmarkEvent>
{
    /// <summary>NXF's watermark delay.</summary>
    public static readonly TimeSpan DefaultMaxOutOfOrderness = TimeSpan.FromSeconds(4);

    private readonly GeneratorConfig _config;

    public NexmarkSource(GeneratorConfig config, TimeSpan? maxOutOfOrderness = null, NexmarkSourceProbe? probe = null)
    {
        _config = (config ?? throw new ArgumentNullException(nameof(config))).Validate();
        Probe = probe;
        WatermarkStrategy = Watermarks(maxOutOfOrderness ?? DefaultMaxOutOfOrderness);
    }

    public WatermarkStrategy<NexmarkEvent> WatermarkStrategy { get; }

    /// <summary>Counts emitted events (benchmarks); null costs nothing.</summary>
    public NexmarkSourceProbe? Probe { get; }

    /// <summary>Event timestamp, bounded out-of-orderness: also for tests that push generated events themselves.</summary>
    public static WatermarkStrategy<NexmarkEvent> Watermarks(TimeSpan maxOutOfOrderness) =>
        WatermarkStrategy<NexmarkEvent>.ForBoundedOutOfOrderness(maxOutOfOrderness).WithTimestampAssigner(e => e.Timestamp);

    public string Describe() => $"nexmark generator ({(_config.MaxEvents == 0 ? "unbounded" : $"{_config.MaxEvents:N0} events")}, {_config.FirstEventRate:N0}/s event time)";

    public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ISourceControl> register)
    {
        var events = NexmarkGenerator.Generate(_config, context.SubtaskIndex, context.Parallelism);
        if (Probe is { } probe) events = probe.Observe(events);
        return new ReportingStage<EnumerableSourceControl<NexmarkEvent>>(
            new EnumerableSourceStage<NexmarkEvent>(name, events, WatermarkStrategy, context, completeAtEnd: _config.MaxEvents != 0), register);
    }
}
