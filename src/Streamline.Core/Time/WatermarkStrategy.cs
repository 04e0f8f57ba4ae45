namespace Streamline.Core.Time;

/// <summary>
/// How a source assigns event timestamps and generates watermarks: per partition, bounded
/// out-of-orderness, optional idleness so a quiet partition does not stall event time.
/// </summary>
public sealed class WatermarkStrategy<T>
{
    // The one-argument form is kept apart so the hot path pays one delegate call, not two.
    private readonly Func<T, long>? _valueAssigner;

    private WatermarkStrategy(Func<T, long, long>? timestampAssigner, TimeSpan maxOutOfOrderness, TimeSpan? idleTimeout, bool emitsWatermarks, Func<T, long>? valueAssigner = null)
    {
        _valueAssigner = valueAssigner;
        TimestampAssigner = timestampAssigner;
        MaxOutOfOrderness = maxOutOfOrderness;
        IdleTimeout = idleTimeout;
        EmitsWatermarks = emitsWatermarks;
    }

    /// <summary>(value, timestamp given by the source) → event timestamp in ms; null keeps the source's.</summary>
    public Func<T, long, long>? TimestampAssigner { get; }

    public TimeSpan MaxOutOfOrderness { get; }

    public TimeSpan? IdleTimeout { get; }

    public bool EmitsWatermarks { get; }

    public static WatermarkStrategy<T> ForBoundedOutOfOrderness(TimeSpan maxOutOfOrderness)
    {
        if (maxOutOfOrderness < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(maxOutOfOrderness), maxOutOfOrderness,
                "maxOutOfOrderness must be zero or positive (how late a record may arrive behind the newest one).");
        return new(null, maxOutOfOrderness, null, true);
    }

    public static WatermarkStrategy<T> ForMonotonousTimestamps() => ForBoundedOutOfOrderness(TimeSpan.Zero);

    /// <summary>No watermarks: event-time windows never fire except at end of input.</summary>
    public static WatermarkStrategy<T> NoWatermarks() => new(null, TimeSpan.Zero, null, false);

    public WatermarkStrategy<T> WithTimestampAssigner(Func<T, long, long> assigner) =>
        new(assigner ?? throw new ArgumentNullException(nameof(assigner)), MaxOutOfOrderness, IdleTimeout, EmitsWatermarks);

    public WatermarkStrategy<T> WithTimestampAssigner(Func<T, long> assigner)
    {
        ArgumentNullException.ThrowIfNull(assigner);
        return new(null, MaxOutOfOrderness, IdleTimeout, EmitsWatermarks, assigner);
    }

    public WatermarkStrategy<T> WithIdleness(TimeSpan idleTimeout)
    {
        if (idleTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(idleTimeout), idleTimeout, "idleTimeout must be positive.");
        return new(TimestampAssigner, MaxOutOfOrderness, idleTimeout, EmitsWatermarks, _valueAssigner);
    }

    /// <summary>True when timestamps come from the records themselves (the source's own time is not needed).</summary>
    public bool AssignsFromValue => _valueAssigner is not null;

    public long ExtractTimestamp(T value, long sourceTimestamp) =>
        _valueAssigner is not null ? _valueAssigner(value)
        : TimestampAssigner is null ? sourceTimestamp : TimestampAssigner(value, sourceTimestamp);

    public BoundedOutOfOrdernessWatermarks CreateGenerator() => new((long)MaxOutOfOrderness.TotalMilliseconds);
}
