namespace Streamline.Core.Time;

/// <summary>
/// Watermark = highest timestamp seen − max out-of-orderness − 1, as in Flink: a record exactly
/// max-out-of-orderness behind the newest one is still on time.
/// </summary>
public sealed class BoundedOutOfOrdernessWatermarks
{
    private readonly long _delay;
    private long _maxTimestamp;

    public BoundedOutOfOrdernessWatermarks(long delayMillis)
    {
        _delay = delayMillis;
        _maxTimestamp = long.MinValue + delayMillis + 1;
    }

    public long MaxTimestamp => _maxTimestamp;

    public void OnEvent(long timestamp)
    {
        if (timestamp > _maxTimestamp) _maxTimestamp = timestamp;
    }

    public long CurrentWatermark => _maxTimestamp - _delay - 1;
}
