using Akka;
using Akka.Streams;
using HdrHistogram;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Sinks;
using Streamline.Core.Stages;
using Streamline.Nexmark.Queries;

namespace Streamline.Nexmark.Bench.Internal;

/// <summary>
/// Records, per result, observed wall-clock time − the wall-clock time at which the result became
/// determinable: for a result emitted on a watermark (windows, timers) the due time of the first
/// event that lets the watermark pass the result's timestamp (timestamp + delay + 1 ms); for a
/// per-event result the due time of its event. Event time maps to wall clock through the
/// generator's schedule: <c>wall = wallClockBase + (eventTime − baseTime)</c>.
/// </summary>
internal sealed class LatencySink : IQuerySinkFactory
{
    private const long MaxMicros = 3_600_000_000;
    private readonly LongHistogram _histogram = new(MaxMicros, 3);
    private readonly long _anchorOffsetMs;
    private readonly long _eventToWallMs;
    private readonly long _measureFromEventTime;
    private readonly long _measureToEventTime;

    /// <param name="measureFromEventTime">Results determinable earlier belong to the warm-up.</param>
    /// <param name="measureToEventTime">The last event's time: later results are fired by the end of the input, not by data.</param>
    public LatencySink(NexmarkQuery query, TimeSpan watermarkDelay, long wallClockBaseMs, long baseTimeMs, long measureFromEventTime, long measureToEventTime)
    {
        _measureToEventTime = measureToEventTime;
        _anchorOffsetMs = query.EmitsOnWatermark ? (long)watermarkDelay.TotalMilliseconds + 1 : 0;
        _eventToWallMs = wallClockBaseMs - baseTimeMs;
        _measureFromEventTime = measureFromEventTime;
    }

    public long Results { get; private set; }

    public long Checksum { get; private set; }

    public ISinkDefinition<T> Create<T>() => new Definition<T>(this);

    public NexmarkLatency Snapshot()
    {
        lock (_histogram)
        {
            double Ms(long micros) => micros / 1000.0;
            return new NexmarkLatency(_histogram.TotalCount, Ms(_histogram.GetValueAtPercentile(50)), Ms(_histogram.GetValueAtPercentile(99)),
                Ms(_histogram.GetValueAtPercentile(99.9)), Ms(_histogram.GetMaxValue()));
        }
    }

    private void Observe(long timestamp, int hash)
    {
        Results++;
        Checksum += hash ^ timestamp;
        var anchor = timestamp + _anchorOffsetMs;
        if (anchor < _measureFromEventTime || anchor > _measureToEventTime) return;
        var nowMicros = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        var latency = nowMicros - (anchor + _eventToWallMs) * 1000;
        lock (_histogram) _histogram.RecordValue(Math.Clamp(latency, 0, MaxMicros));
    }

    private sealed class Definition<T>(LatencySink owner) : ISinkDefinition<T>
    {
        public string Describe() => "latency histogram";

        public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ControlSignal> signalCompleted, Action<ISinkControl> register) =>
            new ReportingStage<ISinkControl>(new SinkStage<T>(name, r => owner.Observe(r.Timestamp, r.Value?.GetHashCode() ?? 0), signalCompleted), register);
    }
}
