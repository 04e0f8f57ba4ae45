using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Core.State.Internal;
using Streamline.Core.Windows;
using Streamline.Core.Windows.Internal;

namespace Streamline.Core.Operators.Window;

/// <summary>
/// Keyed event-time windows with incremental aggregation. One accumulator per (key, window) in
/// keyed state; a window fires when the watermark passes its end, stays until the allowed
/// lateness has passed (late records re-fire it), and records later than that go to the late
/// side output. Session windows merge on overlap.
/// </summary>
public sealed class WindowOperator<K, T, TAcc, TResult, TOut> : OneInputOperator<T, TOut> where K : notnull
{
    private readonly KeyedOperatorSupport<T, K> _keyed;
    private readonly WindowAssigner _assigner;
    private readonly IAggregateFunction<T, TAcc, TResult> _aggregate;
    private readonly Func<K, TimeWindow, TResult, TOut> _project;
    private readonly ISerde<TAcc> _accumulatorSerde;
    private readonly long _allowedLateness;
    private readonly OutputTag<T>? _lateTag;
    private readonly PriorityQueue<WindowKey<K>, long> _timers = new();
    private readonly TimeWindow[] _assigned;
    private StateTable<WindowKey<K>, TAcc> _contents = null!;
    private StateTable<K, List<TimeWindow>>? _sessions;
    private Output<T>? _late;

    public WindowOperator(
        Func<T, K> keySelector, ISerde<K> keySerde, WindowAssigner assigner,
        IAggregateFunction<T, TAcc, TResult> aggregate, Func<K, TimeWindow, TResult, TOut> project,
        ISerde<TAcc> accumulatorSerde, TimeSpan allowedLateness, OutputTag<T>? lateTag)
    {
        _keyed = new KeyedOperatorSupport<T, K>(keySelector, keySerde);
        _assigner = assigner;
        _aggregate = aggregate;
        _project = project;
        _accumulatorSerde = accumulatorSerde;
        _allowedLateness = (long)allowedLateness.TotalMilliseconds;
        _lateTag = lateTag;
        _assigned = new TimeWindow[assigner.MaxWindowsPerRecord];
    }

    public override IReadOnlyList<IOutputTag> SideOutputTags => _lateTag is null ? Array.Empty<IOutputTag>() : new IOutputTag[] { _lateTag };

    /// <summary>Records dropped because they were later than the allowed lateness (also sent to the late output if declared).</summary>
    public long LateRecords { get; private set; }

    public override void Open()
    {
        var backend = _keyed.Open(Context);
        _contents = backend.Table("window-contents", new WindowKeySerde<K>(_keyed.KeySerde), _accumulatorSerde);
        if (_assigner.IsMerging) _sessions = backend.Table("session-windows", _keyed.KeySerde, TimeWindowListSerde.Instance);
        if (_lateTag is not null) _late = SideOutput(_lateTag);
        RebuildTimers();
        backend.Restored += RebuildTimers;
    }

    public override void ProcessRecord(in Record<T> record)
    {
        var key = _keyed.SetCurrentKey(record.Value);
        var group = _keyed.Backend.CurrentKeyGroup;
        var watermark = Context.CurrentWatermark;
        var n = _assigner.AssignWindows(record.Timestamp, _assigned);
        var accepted = false;
        for (var i = 0; i < n; i++)
        {
            var window = _assigned[i];
            if (_sessions is not null) window = MergeSession(group, key, window, watermark);
            if (IsExpired(window, watermark))
            {
                if (_sessions is not null) Purge(group, new WindowKey<K>(key, window));
                continue;
            }
            accepted = true;
            var windowKey = new WindowKey<K>(key, window);
            ref var acc = ref _contents.GetOrAdd(group, windowKey, 0, long.MaxValue, out var exists);
            if (!exists)
            {
                acc = _aggregate.CreateAccumulator();
                ScheduleTimer(windowKey, watermark);
            }
            acc = _aggregate.Add(acc, record.Value);
            // Late but within the allowed lateness: the window already fired, fire the update now.
            if (window.MaxTimestamp <= watermark) Output.Emit(_project(key, window, _aggregate.GetResult(acc)), window.MaxTimestamp);
        }
        if (!accepted)
        {
            LateRecords++;
            _late?.Emit(record);
        }
    }

    public override void OnWatermark(long watermark)
    {
        while (_timers.TryPeek(out var windowKey, out var due) && due <= watermark)
        {
            _timers.Dequeue();
            var group = _keyed.Backend.KeyGroupOf(windowKey.Key);
            if (!_contents.TryGet(group, windowKey, 0, out var acc)) continue;
            var window = windowKey.Window;
            if (due == window.MaxTimestamp)
            {
                Output.Emit(_project(windowKey.Key, window, _aggregate.GetResult(acc)), window.MaxTimestamp);
                if (_allowedLateness > 0)
                {
                    _timers.Enqueue(windowKey, window.MaxTimestamp + _allowedLateness);
                    continue;
                }
            }
            Purge(group, windowKey);
        }
    }

    public override void OnEndOfInput() => OnWatermark(long.MaxValue);

    /// <summary>Timers are not stored: after a restore they are rebuilt from the window contents.</summary>
    internal void RebuildTimers()
    {
        _timers.Clear();
        foreach (var (windowKey, _) in _contents.Entries(0))
            ScheduleTimer(windowKey, Context.CurrentWatermark);
    }

    // A window already past the watermark fires right here in ProcessRecord; its timer is only the cleanup.
    private void ScheduleTimer(WindowKey<K> windowKey, long watermark)
    {
        var end = windowKey.Window.MaxTimestamp;
        _timers.Enqueue(windowKey, end > watermark || watermark == long.MinValue ? end : end + _allowedLateness);
    }

    private bool IsExpired(TimeWindow window, long watermark) =>
        watermark != long.MinValue && window.MaxTimestamp + _allowedLateness <= watermark;

    private void Purge(int group, WindowKey<K> windowKey)
    {
        _contents.Remove(group, windowKey);
        if (_sessions is null || !_sessions.TryGet(group, windowKey.Key, 0, out var sessions)) return;
        sessions.Remove(windowKey.Window);
        if (sessions.Count == 0) _sessions.Remove(group, windowKey.Key);
    }

    /// <summary>Merges <paramref name="window"/> with the key's overlapping sessions; returns the covering session.</summary>
    private TimeWindow MergeSession(int group, K key, TimeWindow window, long watermark)
    {
        ref var sessions = ref _sessions!.GetOrAdd(group, key, 0, long.MaxValue, out var exists);
        if (!exists || sessions is null) sessions = new List<TimeWindow>(2);
        var merged = window;
        var mergedAcc = default(TAcc);
        var hasAcc = false;
        var absorbed = 0;
        var last = window;
        for (var i = sessions.Count - 1; i >= 0; i--)
        {
            var existing = sessions[i];
            if (!existing.Intersects(window)) continue;
            merged = merged.Cover(existing);
            absorbed++;
            last = existing;
            sessions.RemoveAt(i);
            var oldKey = new WindowKey<K>(key, existing);
            if (_contents.TryGet(group, oldKey, 0, out var acc))
            {
                mergedAcc = hasAcc ? _aggregate.Merge(mergedAcc!, acc) : acc;
                hasAcc = true;
                _contents.Remove(group, oldKey);
            }
        }
        sessions.Add(merged);
        if (hasAcc)
        {
            var mergedKey = new WindowKey<K>(key, merged);
            _contents.Set(group, mergedKey, mergedAcc!, 0, long.MaxValue);
            // A session that did not grow keeps its pending timer.
            if (absorbed != 1 || last != merged) ScheduleTimer(mergedKey, watermark);
        }
        return merged;
    }
}
