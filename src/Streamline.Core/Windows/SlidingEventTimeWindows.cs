namespace Streamline.Core.Windows;

/// <summary>Fixed-size windows starting every <see cref="Slide"/>; a record belongs to size/slide windows.</summary>
public sealed class SlidingEventTimeWindows : WindowAssigner
{
    private SlidingEventTimeWindows(long size, long slide, long offset)
    {
        Size = size;
        Slide = slide;
        Offset = offset;
    }

    public long Size { get; }

    public long Slide { get; }

    public long Offset { get; }

    public override int MaxWindowsPerRecord => (int)((Size + Slide - 1) / Slide);

    public static SlidingEventTimeWindows Of(TimeSpan size, TimeSpan slide, TimeSpan? offset = null)
    {
        var s = Millis(size, nameof(size));
        var sl = Millis(slide, nameof(slide));
        if (sl > s) throw new ArgumentOutOfRangeException(nameof(slide), slide, $"slide must not exceed the window size ({size}); records between windows would be dropped");
        var o = offset is { } off ? (long)off.TotalMilliseconds : 0;
        if (Math.Abs(o) >= sl) throw new ArgumentOutOfRangeException(nameof(offset), offset, $"offset must be smaller than the slide ({slide})");
        return new SlidingEventTimeWindows(s, sl, o);
    }

    public override int AssignWindows(long timestamp, Span<TimeWindow> windows)
    {
        var n = 0;
        for (var start = WindowStart(timestamp, Offset, Slide); start > timestamp - Size; start -= Slide)
            windows[n++] = new TimeWindow(start, start + Size);
        return n;
    }

    public override string Describe() => $"sliding {TimeSpan.FromMilliseconds(Size)} every {TimeSpan.FromMilliseconds(Slide)}";
}
