namespace Streamline.Core.Windows;

/// <summary>A half-open event-time interval [Start, End) in ms.</summary>
public readonly record struct TimeWindow(long Start, long End)
{
    /// <summary>The last timestamp inside the window; the window fires when the watermark reaches it.</summary>
    public long MaxTimestamp => End - 1;

    public bool Intersects(TimeWindow other) => Start < other.End && other.Start < End;

    public TimeWindow Cover(TimeWindow other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    public override string ToString() =>
        $"[{DateTimeOffset.FromUnixTimeMilliseconds(Start):HH:mm:ss.fff}, {DateTimeOffset.FromUnixTimeMilliseconds(End):HH:mm:ss.fff})";
}
