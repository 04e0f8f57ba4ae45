using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Sources;

/// <summary>
/// Counts the events a <see cref="NexmarkSource"/> emitted and runs a callback on the stream thread
/// when the count reaches <see cref="MarkAt"/>: a benchmark starts measuring exactly at the end of
/// its warm-up, without polling.
/// </summary>
public sealed class NexmarkSourceProbe
{
    private long _emitted;

    public NexmarkSourceProbe(long markAt = long.MaxValue, Action? onMark = null)
    {
        MarkAt = markAt;
        OnMark = onMark;
    }

    public long MarkAt { get; }

    public Action? OnMark { get; }

    /// <summary>Events handed to the source stage so far (safe to read from any thread).</summary>
    public long Emitted => Volatile.Read(ref _emitted);

    internal IEnumerable<NexmarkEvent> Observe(IEnumerable<NexmarkEvent> events)
    {
        foreach (var e in events)
        {
            // Single writer (the stream thread); readers only need an eventually fresh value.
            var n = _emitted + 1;
            Volatile.Write(ref _emitted, n);
            if (n == MarkAt) OnMark?.Invoke();
            yield return e;
        }
    }
}
