namespace Streamline.Core.Windows;

/// <summary>Decides which windows a record with a given timestamp belongs to.</summary>
public abstract class WindowAssigner
{
    /// <summary>How many windows one record can belong to (sizes the assignment buffer).</summary>
    public abstract int MaxWindowsPerRecord { get; }

    /// <summary>Session windows merge when they overlap.</summary>
    public virtual bool IsMerging => false;

    /// <summary>Writes the windows of <paramref name="timestamp"/> into <paramref name="windows"/>; returns how many.</summary>
    public abstract int AssignWindows(long timestamp, Span<TimeWindow> windows);

    public abstract string Describe();

    /// <summary>Floor of <paramref name="timestamp"/> to a multiple of <paramref name="size"/> shifted by <paramref name="offset"/> (correct for negative times).</summary>
    protected static long WindowStart(long timestamp, long offset, long size)
    {
        var remainder = (timestamp - offset) % size;
        if (remainder < 0) remainder += size;
        return timestamp - remainder;
    }

    protected static long Millis(TimeSpan value, string name, bool allowZero = false)
    {
        var ms = (long)value.TotalMilliseconds;
        if (ms < 0 || (!allowZero && ms == 0))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {(allowZero ? "zero or positive" : "positive")} (at least 1 ms), got {value}");
        return ms;
    }
}
