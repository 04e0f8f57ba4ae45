using Akka.Actor;
using Akka.Event;
using Akka.Streams;
using Streamline.Core.Execution;
using Streamline.Core.Graph.Physical;
using Streamline.Core.Records;
using Streamline.Core.Sources;
using Streamline.Core.State;
using Streamline.Runtime.Checkpoints;
using Streamline.Runtime.Exchange;
using Streamline.Runtime.Exchange.Messages;
using Streamline.Runtime.Node;
using Streamline.Runtime.Serialization;

namespace Streamline.Runtime.Tasks;

/// <summary>
/// One task of a running pipeline, as a sharded entity: on <see cref="StartTask"/> it restores its
/// state (when the deployment restores a checkpoint), materializes its vertex's stages with
/// exchange receivers on its inputs and senders on its outputs, and it is the endpoint its
/// receivers get their channel messages through. It injects checkpoint barriers into its sources
/// and stores its state once per checkpoint.
/// </summary>
public sealed class TaskEntity : ReceiveActor, IWithTimers
{
    private readonly PipelineRegistry _registry;
    private readonly IActorRef _region;
    private readonly StreamlineSettings _settings;
    private readonly RuntimeSettings _runtime;
    private readonly ICheckpointStorage _storage;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<ChannelId, IActorRef> _receivers = new();
    private readonly Dictionary<ChannelId, List<IExchangeMessage>> _early = new();
    private readonly Dictionary<long, Dictionary<string, Dictionary<int, long>>> _positions = new();
    private IActorRef? _coordinator;
    private TaskId? _task;
    private int _epoch;
    private bool _done;
    private ActorMaterializer? _materializer;
    private TaskMetrics _metrics = new();
    private TaskGraph? _graph;
    private TaskCheckpointer? _checkpointer;
    private long _lastBackpressureTicks;

    public TaskEntity(PipelineRegistry registry, IActorRef region, StreamlineSettings settings, RuntimeSettings runtime, ICheckpointStorage storage)
    {
        _registry = registry;
        _region = region;
        _settings = settings;
        _runtime = runtime;
        _storage = storage;
        Receive<StartTask>(Start);
        Receive<StateLoaded>(loaded =>
        {
            if (_task != loaded.Start.Task || _epoch != loaded.Start.Epoch || _graph is not null) return;
            Materialize(loaded.Start, loaded.Plan, loaded.State);
        });
        Receive<StateLoadFailed>(failed =>
        {
            if (_task != failed.Start.Task || _epoch != failed.Start.Epoch || _graph is not null) return;
            _done = true;
            _coordinator?.Tell(new TaskFinished(failed.Start.Task, failed.Reason, _epoch));
        });
        // Stop this deployment's stages but keep the entity: the next StartTask (a newer epoch)
        // may already be queued behind this message.
        Receive<StopTask>(_ => StopCurrent());
        Receive<ReportStatus>(_ => Report());
        Receive<DrainTask>(d =>
        {
            // Sources stop reading and complete after what they emitted; the task then finishes normally.
            if (_graph is null || d.Epoch != _epoch) return;
            foreach (var (_, source) in SourcesOf(_graph)) source.Stop();
        });
        Receive<TriggerCheckpoint>(Trigger);
        Receive<StateReady>(Store);
        Receive<TaskCheckpointed>(ack => { if (ack.Epoch == _epoch) _coordinator?.Tell(ack); });
        Receive<TaskCheckpointFailed>(failed => { if (failed.Epoch == _epoch) _coordinator?.Tell(failed); });
        Receive<CheckpointDone>(Done);
        Receive<RegisterReceiver>(r =>
        {
            _receivers[r.Channel] = r.Receiver;
            if (_early.Remove(r.Channel, out var held))
                foreach (var m in held) r.Receiver.Tell(m);
        });
        Receive<IExchangeMessage>(m =>
        {
            // Leftovers of an earlier deployment are dropped; a newer deployment's messages can
            // arrive before this entity's own StartTask and wait for their receiver.
            if (m.Channel.Epoch < _epoch) return;
            if (_receivers.TryGetValue(m.Channel, out var receiver)) receiver.Forward(m);
            else
            {
                if (!_early.TryGetValue(m.Channel, out var list)) _early[m.Channel] = list = new List<IExchangeMessage>();
                list.Add(m);
            }
        });
        Receive<TaskFinished>(f =>
        {
            // Stages of a stopped deployment also complete; only the current one counts.
            if (_task is null || f.Epoch != _epoch) return;
            _done = true;
            // Final counters first, so the coordinator's last status is exact.
            Report();
            _coordinator?.Tell(f);
            if (f.Failure is not null) _log.Error("task {0} failed: {1}", f.Task, f.Failure);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PostStop()
    {
        // Stopped while running (hand-off when its node leaves): the coordinator redeploys the pipeline.
        if (_task is { } task && !_done) _coordinator?.Tell(new TaskLost(task, _epoch));
    }

    public static Props Props(PipelineRegistry registry, IActorRef region, StreamlineSettings settings, RuntimeSettings runtime, ICheckpointStorage storage) =>
        Akka.Actor.Props.Create(() => new TaskEntity(registry, region, settings, runtime, storage));

    private void StopCurrent()
    {
        _materializer?.Shutdown();
        _materializer = null;
        _graph = null;
        _checkpointer = null;
        _task = null;
        _done = false;
        _receivers.Clear();
        _positions.Clear();
        Timers.Cancel(ReportStatus.Instance);
        foreach (var channel in _early.Keys.Where(c => c.Epoch <= _epoch).ToList()) _early.Remove(channel);
    }

    private void Report()
    {
        if (_task is not { } task || _coordinator is null || _graph is null) return;
        var backpressure = _metrics.BackpressuredTicks;
        var fraction = Math.Clamp((backpressure - _lastBackpressureTicks) / (double)(_runtime.StatusInterval.TotalSeconds * System.Diagnostics.Stopwatch.Frequency), 0, 1);
        _lastBackpressureTicks = backpressure;
        long sunk;
        lock (_graph.Sinks) sunk = _graph.Sinks.Sum(s => s.RecordsWritten);
        _coordinator.Tell(new TaskStatusReport(task, _epoch, _metrics.RecordsIn, _metrics.RecordsOut + sunk, fraction, _metrics.BlockedOutputs, _metrics.Watermark));
    }

    private void Start(StartTask start)
    {
        if (_task is not null)
        {
            if (start.Epoch < _epoch) return;
            if (start.Epoch == _epoch)
            {
                // Redelivered deployment (the coordinator retried): the task already runs (or restores).
                if (_graph is not null) start.Coordinator.Tell(new TaskStarted(start.Task, Akka.Cluster.Cluster.Get(Context.System).SelfAddress, _epoch));
                return;
            }
            // A newer deployment whose StopTask was lost: replace the running one.
            StopCurrent();
        }
        _task = start.Task;
        _epoch = start.Epoch;
        _coordinator = start.Coordinator;
        var plan = PhysicalPlan.Create(_registry.Get(start.Task.Pipeline));
        if (start.Restore is { } restore)
        {
            // Load first, materialize after: operators restore their state as they open.
            LoadState(start, plan, restore).PipeTo(Self, success: state => new StateLoaded(start, plan, state),
                failure: e => new StateLoadFailed(start, $"could not restore {restore.Kind.ToString().ToLowerInvariant()} {restore.CheckpointId}: {e.GetBaseException().Message}"));
            return;
        }
        Materialize(start, plan, null);
    }

    /// <summary>
    /// This task's state at the checkpoint; when its vertex's parallelism changed, the merged state
    /// of every earlier task of the vertex (each operator keeps only the key groups it owns now).
    /// </summary>
    private async Task<TaskState> LoadState(StartTask start, PhysicalPlan plan, RestoreFrom restore)
    {
        var task = start.Task;
        var parallelism = plan.Vertices[task.Vertex].Parallelism;
        var before = restore.Parallelism.TryGetValue(task.Vertex, out var p) ? p : parallelism;
        var indices = before == parallelism ? new[] { task.Index } : Enumerable.Range(0, before).ToArray();
        var merged = new TaskState();
        // Rescaled: keep only the key groups this task owns now, so it never holds the whole vertex's state.
        Func<int, bool>? owned = null;
        if (before != parallelism)
        {
            var range = KeyGroupRange.ForTask(plan.Definition.MaxParallelism, parallelism, task.Index);
            owned = range.Contains;
        }
        // One earlier task's state at a time: its chunks can go once decoded.
        foreach (var index in indices)
            if (await _storage.LoadTaskStateChunksAsync(restore.Kind, task.Pipeline, restore.CheckpointId, task.Vertex, index) is { } chunks)
                merged.Merge(TaskStateCodec.Read(chunks, owned));
        return merged;
    }

    private void Materialize(StartTask start, PhysicalPlan plan, TaskState? restored)
    {
        var epoch = start.Epoch;
        var definition = plan.Definition;
        ExchangeCodecs.Get(Context.System).RegisterPlan(plan);
        var self = Self;
        _metrics = new TaskMetrics();
        _lastBackpressureTicks = 0;
        _checkpointer = new TaskCheckpointer(restored, (barrier, state) => self.Tell(new StateReady(epoch, barrier, state)));
        _graph = TaskGraph.Build(definition, plan, start.Task, epoch, _settings, _runtime, _region, self, _metrics, _checkpointer);
        // A materializer per deployment, owned by the entity: StopTask or stopping the entity
        // (hand-off when its node leaves) stops exactly these stages.
        _materializer = Context.Materializer(namePrefix: $"epoch{epoch}");
        _graph.Graph.Run(_materializer);
        start.Coordinator.Tell(new TaskStarted(start.Task, Akka.Cluster.Cluster.Get(Context.System).SelfAddress, epoch));
        Timers.StartPeriodicTimer(ReportStatus.Instance, ReportStatus.Instance, _runtime.StatusInterval);
        var task = start.Task;
        List<Task> ends;
        lock (_graph.Sinks) ends = _graph.Sinks.Select(s => s.Completion).Concat(_graph.Outputs).ToList();
        // The task is done when all its outputs are: its sinks and its outgoing exchange channels.
        Task.WhenAll(ends).ContinueWith(t =>
            new TaskFinished(task, t.IsFaulted ? t.Exception!.GetBaseException().Message : null, epoch), TaskScheduler.Default).PipeTo(self);
    }

    private void Trigger(TriggerCheckpoint trigger)
    {
        if (_graph is null || _checkpointer is null || trigger.Epoch != _epoch) return;
        var barrier = new CheckpointBarrier(trigger.CheckpointId, trigger.Timestamp, trigger.IsSavepoint);
        var self = Self;
        var task = trigger.Task;
        var epoch = _epoch;
        var checkpointer = _checkpointer;
        foreach (var (name, source) in SourcesOf(_graph))
        {
            if (source is not ICheckpointedSource checkpointed)
            {
                self.Tell(new TaskCheckpointFailed(task, epoch, barrier.CheckpointId,
                    $"source '{name}' ({source.GetType().Name}) cannot be checkpointed; use a checkpointable source (e.g. Kafka) or turn checkpoints off (streamline.runtime.checkpoints.interval = off)"));
                return;
            }
            checkpointed.InjectBarrier(barrier).ContinueWith(t =>
            {
                if (t.IsCompletedSuccessfully) checkpointer.OnSourcePositions(name, barrier, t.Result);
                else self.Tell(new TaskCheckpointFailed(task, epoch, barrier.CheckpointId, $"source '{name}' could not inject the barrier: {t.Exception?.GetBaseException().Message ?? "cancelled"}"));
            }, TaskScheduler.Default);
        }
    }

    /// <summary>The task's whole state for a checkpoint is assembled: one write to the store, then the acknowledgement.</summary>
    private void Store(StateReady ready)
    {
        if (ready.Epoch != _epoch || _task is not { } task) return;
        var id = ready.Barrier.CheckpointId;
        _positions[id] = ready.State.Sources;
        var kind = ready.Barrier.IsSavepoint ? CheckpointKind.Savepoint : CheckpointKind.Checkpoint;
        var epoch = _epoch;
        var storage = _storage;
        // Encoding a large state takes a while: off this actor, which routes the task's exchange traffic.
        Task.Run(async () =>
        {
            var chunks = TaskStateCodec.Write(ready.State, storage.ChunkSize);
            await storage.SaveTaskStateAsync(kind, task.Pipeline, id, task.Vertex, task.Index, chunks).ConfigureAwait(false);
            return chunks.Length;
        }).PipeTo(Self,
            success: length => new TaskCheckpointed(task, epoch, id, length),
            failure: e => new TaskCheckpointFailed(task, epoch, id, e.GetBaseException().Message));
    }

    private void Done(CheckpointDone done)
    {
        if (done.Epoch != _epoch || _graph is null) return;
        _checkpointer?.Abort(done.CheckpointId);
        if (done.Committed && _positions.TryGetValue(done.CheckpointId, out var positions))
        {
            foreach (var (name, source) in SourcesOf(_graph))
                if (source is ICheckpointedSource checkpointed && positions.TryGetValue(name, out var p))
                    CommitSafely(checkpointed, p).ContinueWith(t =>
                    {
                        // Only progress reporting for lag tools: the checkpoint itself is what recovery uses.
                        if (t.IsFaulted) _log.Warning("source '{0}' could not commit positions of checkpoint {1}: {2}", name, done.CheckpointId, t.Exception?.GetBaseException().Message);
                    }, TaskScheduler.Default);
        }
        foreach (var id in _positions.Keys.Where(id => id <= done.CheckpointId).ToList()) _positions.Remove(id);
    }

    /// <summary>A commit that throws synchronously must not crash the task: it is progress reporting only.</summary>
    private static Task CommitSafely(ICheckpointedSource source, IReadOnlyDictionary<int, long> positions)
    {
        try
        {
            return source.CommitPositions(positions);
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    private static List<(string Name, ISourceControl Control)> SourcesOf(TaskGraph graph)
    {
        lock (graph.Sources) return graph.Sources.ToList();
    }

    private sealed class ReportStatus
    {
        public static readonly ReportStatus Instance = new();
    }

    private sealed record StateLoaded(StartTask Start, PhysicalPlan Plan, TaskState State);

    private sealed record StateLoadFailed(StartTask Start, string Reason);

    private sealed record StateReady(int Epoch, CheckpointBarrier Barrier, TaskState State);
}
