using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.State;

namespace Streamline.Runtime.Checkpoints;

/// <summary>
/// Assembles one task deployment's part of each checkpoint. Operators snapshot their keyed state
/// on their own stage threads when the barrier reaches them; sources report their positions at
/// the cut; the task's ends (sinks, outgoing channels) report the barrier passing. When every end
/// saw barrier n and every source reported it, every operator has snapshotted (the barrier passes
/// them in order), and <c>completed</c> receives the task's whole state for n.
/// </summary>
public sealed class TaskCheckpointer
{
    private readonly object _gate = new();
    private readonly Dictionary<OperatorContext, IKeyedStateBackend> _backends = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<long, Pending> _pending = new();
    private readonly Action<CheckpointBarrier, TaskState> _completed;
    private readonly TaskState? _restored;
    private int _ends;
    private int _sources;

    /// <param name="restored">The state this deployment restores from, or null for a fresh start.</param>
    /// <param name="completed">Receives each completed checkpoint's state (called on a stage thread).</param>
    public TaskCheckpointer(TaskState? restored, Action<CheckpointBarrier, TaskState> completed)
    {
        _restored = restored;
        _completed = completed;
    }

    /// <summary>A sink or outgoing channel of the task (counted while the task materializes).</summary>
    public void AddEnd()
    {
        lock (_gate) _ends++;
    }

    /// <summary>A checkpointed source of the task (counted while the task materializes).</summary>
    public void AddSource()
    {
        lock (_gate) _sources++;
    }

    /// <summary>Positions a restored source resumes from, merged over every previous instance.</summary>
    public IReadOnlyDictionary<int, long>? RestoredPositions(string source) =>
        _restored is not null && _restored.Sources.TryGetValue(source, out var positions) ? positions : null;

    /// <summary>An operator created its keyed state: restore it (a restored deployment) and remember it for snapshots.</summary>
    public void OnStateCreated(OperatorContext context, IKeyedStateBackend backend)
    {
        if (_restored is not null && _restored.Operators.TryGetValue(context.OperatorName, out var groups)) backend.Restore(groups);
        lock (_gate) _backends[context] = backend;
    }

    /// <summary>The barrier reached an operator (its stage thread): copy its state now, before the barrier moves on.</summary>
    public void OnOperatorBarrier(OperatorContext context, CheckpointBarrier barrier)
    {
        IKeyedStateBackend? backend;
        lock (_gate) _backends.TryGetValue(context, out backend);
        if (backend is null) return;
        var snapshot = backend.Snapshot();
        lock (_gate)
        {
            var pending = PendingFor(barrier.CheckpointId);
            if (!pending.State.Operators.TryGetValue(context.OperatorName, out var list)) pending.State.Operators[context.OperatorName] = list = new List<KeyGroupSnapshot>();
            list.AddRange(snapshot);
        }
    }

    public void OnSourcePositions(string source, CheckpointBarrier barrier, IReadOnlyDictionary<int, long> positions)
    {
        TaskState? done;
        lock (_gate)
        {
            var pending = PendingFor(barrier.CheckpointId);
            pending.State.Sources[source] = new Dictionary<int, long>(positions);
            pending.Sources++;
            done = TakeIfComplete(barrier.CheckpointId, pending);
        }
        if (done is not null) _completed(barrier, done);
    }

    /// <summary>The barrier passed one of the task's ends.</summary>
    public void OnEnd(CheckpointBarrier barrier)
    {
        TaskState? done;
        lock (_gate)
        {
            var pending = PendingFor(barrier.CheckpointId);
            pending.Ends++;
            done = TakeIfComplete(barrier.CheckpointId, pending);
        }
        if (done is not null) _completed(barrier, done);
    }

    /// <summary>Forgets checkpoints up to <paramref name="checkpointId"/> that will never complete (aborted).</summary>
    public void Abort(long checkpointId)
    {
        lock (_gate)
            foreach (var id in _pending.Keys.Where(id => id <= checkpointId).ToList()) _pending.Remove(id);
    }

    private Pending PendingFor(long id)
    {
        if (!_pending.TryGetValue(id, out var pending)) _pending[id] = pending = new Pending();
        return pending;
    }

    private TaskState? TakeIfComplete(long id, Pending pending)
    {
        if (pending.Ends < _ends || pending.Sources < _sources) return null;
        _pending.Remove(id);
        return pending.State;
    }

    private sealed class Pending
    {
        public TaskState State { get; } = new();

        public int Ends { get; set; }

        public int Sources { get; set; }
    }
}
