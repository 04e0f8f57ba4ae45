namespace Streamline.Core.Windows;

/// <summary>Fixed-size, non-overlapping event-time windows.</summary>
public sealed class TumblingEventTimeWindows : WindowAssigner
{
    private TumblingEventTimeWindows(long size, long offset)
    {
        Size = size;
        Offset = offset;
    }

    public long Size { get; }

    public long Offset { get; }

    public override int MaxWindowsPerRecord => 1;

    public static TumblingEventTimeWindows Of(TimeSpan size, TimeSpan? offset = null)
    {
        var s = Millis(size, nameof(size));
        var o = offset is { } off ? (long)off.TotalMilliseconds : 0;
        if (Math.Abs(o) >= s) throw new ArgumentOutOfRangeException(nameof(offset), offset, $"offset must be smaller than the window size ({size})");
        return new TumblingEventTimeWindows(s, o);
    }

    public override int AssignWindows(long timestamp, Span<TimeWindow> windows)
    {
        var start = WindowStart(timestamp, Offset, Size);
        windows[0] = new TimeWindow(start, start + Size);
        return 1;
    }

    public override string Describe() => $"tumbling {TimeSpan.FromMilliseconds(Size)}";
}
