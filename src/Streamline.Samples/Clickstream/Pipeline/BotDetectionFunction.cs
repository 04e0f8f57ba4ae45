using Streamline.Core.Operators.Process;
using Streamline.Core.State;

namespace Streamline.Samples.Clickstream.Pipeline;

/// <summary>
/// Per user: collects view timestamps into event-time buckets of one window; when the watermark passes a
/// bucket's end its timer fires, the bucket is judged and dropped (the timer resets the window). A bucket
/// with many views at near-constant intervals (coefficient of variation ≤ max) raises one alert per user.
/// Judging at the timer, on sorted event times, makes the verdict independent of arrival order.
/// </summary>
public sealed class BotDetectionFunction : KeyedProcessFunction<string, PageView, BotAlert>
{
    private readonly long _window;
    private readonly int _minEvents;
    private readonly double _maxCv;
    private IMapState<long, List<long>> _buckets = null!;
    private IValueState<bool> _alerted = null!;

    public BotDetectionFunction(TimeSpan window, int minEvents, double maxIntervalCv)
    {
        _window = (long)window.TotalMilliseconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(_window, 1, nameof(window));
        ArgumentOutOfRangeException.ThrowIfLessThan(minEvents, 3);
        _minEvents = minEvents;
        _maxCv = maxIntervalCv;
    }

    public override void Open(KeyedProcessContext<string, BotAlert> context)
    {
        _buckets = context.GetMapState<long, List<long>>("buckets");
        _alerted = context.GetValueState<bool>("alerted");
    }

    public override void ProcessElement(PageView value, KeyedProcessContext<string, BotAlert> context)
    {
        var end = BucketStart(context.Timestamp) + _window;

        // Alerted users need no more state; a view whose bucket was already judged is too late to matter.
        if (_alerted.Value || end - 1 <= context.CurrentWatermark)
        {
            return;
        }

        if (!_buckets.TryGet(end, out var times))
        {
            times = [];
            _buckets.Put(end, times);
            context.RegisterEventTimeTimer(end - 1);
        }

        times.Add(context.Timestamp);
    }

    public override void OnTimer(long timestamp, TimeDomain domain, KeyedProcessContext<string, BotAlert> context)
    {
        var end = timestamp + 1;
        if (!_buckets.TryGet(end, out var times))
        {
            return;
        }

        _buckets.Remove(end);
        if (_alerted.Value || times.Count < _minEvents)
        {
            return;
        }

        times.Sort();
        var intervals = new double[times.Count - 1];
        for (var i = 1; i < times.Count; i++)
        {
            intervals[i - 1] = times[i] - times[i - 1];
        }

        var mean = intervals.Average();
        var cv = mean <= 0 ? 0 : Math.Sqrt(intervals.Average(x => (x - mean) * (x - mean))) / mean;
        if (cv > _maxCv)
        {
            return;
        }

        _alerted.Value = true;
        _buckets.Clear();
        context.Emit(new BotAlert(context.CurrentKey, DateTimeOffset.FromUnixTimeMilliseconds(end - _window), times.Count, TimeSpan.FromMilliseconds(mean), cv), timestamp);
    }

    private long BucketStart(long timestamp) => timestamp - (((timestamp % _window) + _window) % _window);
}
