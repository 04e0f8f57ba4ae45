namespace Streamline.Core.Time;

/// <summary>A clock that only moves forward when told to (test harness).</summary>
public sealed class VirtualClock : IClock
{
    private long _now;

    public VirtualClock(long start = 0) => _now = start;

    public long Now => Volatile.Read(ref _now);

    public bool IsVirtual => true;

    public void AdvanceTo(long timestamp)
    {
        long current;
        do
        {
            current = Volatile.Read(ref _now);
            if (timestamp <= current) return;
        } while (Interlocked.CompareExchange(ref _now, timestamp, current) != current);
    }
}
