using Streamline.Core.Serdes;
using Streamline.Core.State;
using Streamline.Core.State.Internal;

namespace Streamline.Core.Operators.Process;

/// <summary>
/// Event- and processing-time timers per key. Timers live in keyed state (so they are
/// checkpointed per key group) with an in-memory priority queue for firing in time order.
/// </summary>
internal sealed class KeyedTimerService<K> where K : notnull
{
    private readonly KeyedStateBackend<K> _backend;
    private readonly PriorityQueue<K, long> _eventTimers = new();
    private readonly PriorityQueue<K, long> _processingTimers = new();
    private readonly StateTable<K, List<long>> _eventTimerState;
    private readonly StateTable<K, List<long>> _processingTimerState;

    public KeyedTimerService(KeyedStateBackend<K> backend, ISerde<K> keySerde)
    {
        _backend = backend;
        var longs = new ListSerde<long>(Serdes.Serdes.Int64);
        _eventTimerState = backend.Table("timers-event-time", keySerde, longs);
        _processingTimerState = backend.Table("timers-processing-time", keySerde, longs);
    }

    public long NextProcessingTimer => _processingTimers.TryPeek(out _, out var due) ? due : long.MaxValue;

    public void Register(TimeDomain domain, long timestamp)
    {
        var (state, queue) = Timers(domain);
        ref var list = ref state.GetOrAdd(_backend.CurrentKeyGroup, _backend.CurrentKey, 0, long.MaxValue, out var exists);
        if (!exists || list is null) list = new List<long>(2);
        if (list.Contains(timestamp)) return;
        list.Add(timestamp);
        queue.Enqueue(_backend.CurrentKey, timestamp);
    }

    public void Delete(TimeDomain domain, long timestamp)
    {
        var (state, _) = Timers(domain);
        if (!state.TryGet(_backend.CurrentKeyGroup, _backend.CurrentKey, 0, out var list) || !list.Remove(timestamp)) return;
        // An empty list would otherwise stay in state (and in every checkpoint) forever.
        if (list.Count == 0) state.Remove(_backend.CurrentKeyGroup, _backend.CurrentKey);
    }

    /// <summary>Fires every timer of <paramref name="domain"/> due at or before <paramref name="upTo"/>, in time order.</summary>
    public void Fire(TimeDomain domain, long upTo, Action<long> onTimer)
    {
        var (state, queue) = Timers(domain);
        while (queue.TryPeek(out var key, out var due) && due <= upTo)
        {
            queue.Dequeue();
            var group = _backend.KeyGroupOf(key);
            // A deleted timer stays in the queue; it only fires if still registered in state.
            if (!state.TryGet(group, key, 0, out var list) || !list.Remove(due)) continue;
            if (list.Count == 0) state.Remove(group, key);
            _backend.SetCurrentKey(key, group);
            onTimer(due);
        }
    }

    /// <summary>Rebuilds the firing queues from timer state (after a restore).</summary>
    public void RebuildQueues()
    {
        _eventTimers.Clear();
        _processingTimers.Clear();
        foreach (var (key, list) in _eventTimerState.Entries(0)) foreach (var t in list) _eventTimers.Enqueue(key, t);
        foreach (var (key, list) in _processingTimerState.Entries(0)) foreach (var t in list) _processingTimers.Enqueue(key, t);
    }

    private (StateTable<K, List<long>> State, PriorityQueue<K, long> Queue) Timers(TimeDomain domain) =>
        domain == TimeDomain.EventTime ? (_eventTimerState, _eventTimers) : (_processingTimerState, _processingTimers);
}
