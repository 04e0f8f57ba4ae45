namespace Streamline.Core.Windows;

/// <summary>Per-key sessions: a window closes after <see cref="Gap"/> without records; overlapping sessions merge.</summary>
public sealed class EventTimeSessionWindows : WindowAssigner
{
    private EventTimeSessionWindows(long gap) => Gap = gap;

    public long Gap { get; }

    public override int MaxWindowsPerRecord => 1;

    public override bool IsMerging => true;

    public static EventTimeSessionWindows WithGap(TimeSpan gap) => new(Millis(gap, nameof(gap)));

    public override int AssignWindows(long timestamp, Span<TimeWindow> windows)
    {
        windows[0] = new TimeWindow(timestamp, timestamp + Gap);
        return 1;
    }

    public override string Describe() => $"session gap {TimeSpan.FromMilliseconds(Gap)}";
}
