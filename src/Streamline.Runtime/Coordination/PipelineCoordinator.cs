using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using Streamline.Core.Graph.Physical;
using Streamline.Runtime.Checkpoints;
using Streamline.Runtime.Tasks;

namespace Streamline.Runtime.Coordination;

/// <summary>
/// Runs one pipeline. It deploys every task through the shard region and watches them; when one
/// is lost (its entity stopped, its node left or crashed, it failed) it stops all and redeploys a
/// new epoch after a backoff, restoring the last completed checkpoint; too many restarts in a
/// window fail the pipeline. It triggers checkpoints (barriers from the sources), collects every
/// task's acknowledgement and has completed checkpoints recorded by its <see cref="CheckpointLog"/>,
/// so that a pipeline submitted again — after a crash or a full cluster restart — resumes from the last one.
/// Its status goes to its subscribers (the handles of the nodes that submitted or watch it).
/// </summary>
public sealed class PipelineCoordinator : ReceivePersistentActor, IWithTimers
{
    private const string RetryTimer = "retry-deploy", CheckpointTimer = "checkpoint", CheckpointTimeoutTimer = "checkpoint-timeout";
    private readonly IActorRef _region;
    private readonly string _name;
    private readonly RuntimeSettings _settings;
    private readonly CheckpointSettings _checkpointing;
    private readonly ICheckpointStorage _storage;
    private readonly long? _fromSavepoint;
    private readonly IReadOnlyList<TaskId> _tasks;
    private readonly IReadOnlyList<TaskId> _sourceTasks;
    private readonly Dictionary<int, int> _parallelism;
    private readonly HashSet<IActorRef> _subscribers = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<TaskId, Address> _placement = new();
    private readonly Dictionary<IActorRef, TaskId> _entities = new();
    private readonly Dictionary<TaskId, TaskStatusReport> _reports = new();
    private readonly HashSet<TaskId> _finished = new();
    private readonly Queue<DateTime> _restarts = new();
    private readonly List<CheckpointCompleted> _checkpoints = new();
    private readonly SavepointCatalog _savepoints;
    private TimeSpan _backoff;
    private bool _restarting;
    private bool _awaitingRegions;
    private IActorRef? _checkpointLog;
    private bool _historyLoaded;
    private int _logIncarnation;
    private string? _logFailure;
    private readonly List<SavepointCatalog.StateDeleted> _deletesRecording = new();
    private bool _stopping;
    private int _epoch;
    private int _restartCount;
    private string? _failure;
    private long _nextCheckpointId = 1;
    private PendingCheckpoint? _pending;
    private CheckpointInfo _info = CheckpointInfo.None;

    public PipelineCoordinator(PhysicalPlan plan, IActorRef region, IActorRef subscriber, RuntimeSettings settings, CheckpointSettings checkpointing, ICheckpointStorage storage, long? fromSavepoint)
    {
        _region = region;
        _name = plan.Definition.Name;
        _settings = settings;
        _checkpointing = checkpointing;
        _storage = storage;
        _fromSavepoint = fromSavepoint;
        _savepoints = new SavepointCatalog(_name, storage);
        _backoff = settings.RestartBackoff;
        _tasks = plan.Vertices.SelectMany(v => Enumerable.Range(0, v.Parallelism).Select(i => new TaskId(_name, v.Id, i))).ToList();
        _sourceTasks = plan.Vertices.Where(v => v.Nodes.Any(n => n.IsSource)).SelectMany(v => Enumerable.Range(0, v.Parallelism).Select(i => new TaskId(_name, v.Id, i))).ToList();
        _parallelism = plan.Vertices.ToDictionary(v => v.Id, v => v.Parallelism);
        Subscribe(subscriber);

        // Epochs go on from the last incarnation's: tasks still running an older epoch (this
        // coordinator's node died, not theirs) are replaced by the new deployment.
        Recover<EpochStarted>(e => _epoch = e.Epoch + 1);
        // Deploy once the checkpoint log has told what to restore.
        Recover<RecoveryCompleted>(_ => StartLog());

        Command<SubscribePipeline>(sub =>
        {
            Subscribe(sub.Subscriber);
            Publish();
        });
        Command<TaskStarted>(OnStarted);
        Command<TaskLost>(l => { if (l.Epoch == _epoch) Lost(l.Task, "its entity stopped while running (its node left)"); });
        Command<CheckpointLog.History>(OnHistory);
        Command<CheckpointLog.Recorded>(OnRecorded);
        Command<CheckpointLog.Failed>(f => _logFailure = f.Reason);
        Command<StartCheckpointLog>(_ => { if (_checkpointLog is null) StartLog(); });
        Command<Terminated>(t =>
        {
            if (_subscribers.Remove(t.ActorRef)) return;
            if (t.ActorRef.Equals(_checkpointLog))
            {
                LogStopped();
                return;
            }
            if (_entities.Remove(t.ActorRef, out var task) && !_finished.Contains(task)) Lost(task, $"its entity {t.ActorRef.Path} terminated (node left or crashed)");
        });
        Command<TaskFinished>(OnFinished);
        Command<TaskStatusReport>(r =>
        {
            if (r.Epoch != _epoch) return;
            _reports[r.Task] = r;
            Publish();
        });
        Command<StopPipeline>(_ => Stop());
        Command<Redeploy>(r => { if (r.Epoch == _epoch) Deploy(); });
        Command<AwaitRegions>(a => { if (a.Epoch == _epoch && _awaitingRegions) AskRegions(a.Deadline); });
        Command<RegionsKnown>(OnRegionsKnown);
        Command<RetryDeploy>(_ =>
        {
            // Deployments a moving shard dropped: send them again (an entity acknowledges a repeat).
            foreach (var task in _tasks.Where(t => !_placement.ContainsKey(t)))
                _region.Tell(new TaskEnvelope(task, new StartTask(task, Self, _epoch, RestorePoint())));
        });
        Command<TriggerNext>(_ => StartCheckpoint(CheckpointKind.Checkpoint, null));
        Command<TakeSavepoint>(_ =>
        {
            if (_pending is not null || _restarting || _placement.Count < _tasks.Count)
                Sender.Tell(new SavepointResult(_name, 0, $"pipeline '{_name}' is {(_pending is not null ? $"taking checkpoint {_pending.Id}" : "not running on all tasks")}; try again shortly"));
            else StartCheckpoint(CheckpointKind.Savepoint, Sender);
        });
        Command<TaskCheckpointed>(OnCheckpointed);
        Command<ListSavepoints>(_ => Sender.Tell(_savepoints.List()));
        Command<DeleteSavepoint>(d =>
        {
            // A running pipeline restarts from its latest checkpoint or savepoint; that one stays
            // until a newer checkpoint completes, or the pipeline would fall back to an older one.
            if (RestorePoint() is { Kind: CheckpointKind.Savepoint } latest && latest.CheckpointId == d.SavepointId)
                Sender.Tell(new SavepointDeleteResult(_name, d.SavepointId, $"savepoint {d.SavepointId} is what running pipeline '{_name}' restores from after a failure " +
                    "(no checkpoint completed after it); delete it once a checkpoint completes, or after stopping the pipeline"));
            else if (_savepoints.StartDelete(d.SavepointId, Self, Sender) is { } refused)
                Sender.Tell(new SavepointDeleteResult(_name, d.SavepointId, refused));
        });
        Command<SavepointCatalog.StateDeleted>(d =>
        {
            if (d.Error is not null) _savepoints.Failed(d);
            else if (_checkpointLog is null) _savepoints.Failed(d with { Error = "the journal is unavailable" });
            else
            {
                _deletesRecording.Add(d);
                _checkpointLog.Tell(d);
            }
        });
        Command<TaskCheckpointFailed>(f => { if (_pending is { } p && p.Id == f.CheckpointId && f.Epoch == _epoch) FailCheckpoint($"task {f.Task}: {f.Reason}"); });
        Command<CheckpointTimedOut>(t => { if (_pending is { } p && p.Id == t.CheckpointId) FailCheckpoint($"not every task acknowledged within {_checkpointing.Timeout} ({p.Acknowledged.Count} of {_tasks.Count} did)"); });
    }

    /// <summary>The coordinator's own journal holds its epochs; checkpoints and savepoints are in its <see cref="CheckpointLog"/>.</summary>
    public override string PersistenceId => $"streamline-pipeline|{_name}";

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(PhysicalPlan plan, IActorRef region, IActorRef subscriber, RuntimeSettings settings, CheckpointSettings checkpointing, ICheckpointStorage storage, long? fromSavepoint = null) =>
        Akka.Actor.Props.Create(() => new PipelineCoordinator(plan, region, subscriber, settings, checkpointing, storage, fromSavepoint));

    /// <summary>What a deployment restores: the requested savepoint for the first one, then the latest completed checkpoint or savepoint.</summary>
    private RestoreFrom? RestorePoint()
    {
        CheckpointCompleted? point = null;
        if (_fromSavepoint is { } id && _info.LastCompletedId < id && _savepoints.TryGet(id, out var requested)) point = requested;
        point ??= _checkpoints.Concat(_savepoints.Usable).MaxBy(c => c.CheckpointId);
        return point is null ? null : new RestoreFrom(point.Kind, point.CheckpointId, point.Parallelism);
    }

    private void Record(CheckpointCompleted completed)
    {
        _nextCheckpointId = Math.Max(_nextCheckpointId, completed.CheckpointId + 1);
        if (completed.Kind == CheckpointKind.Savepoint) _savepoints.Add(completed);
        else _checkpoints.Add(completed);
    }

    private void Deploy()
    {
        if (_fromSavepoint is { } id && !_savepoints.TryGet(id, out _) && _info.LastCompletedId < id)
        {
            _failure = $"pipeline '{_name}' cannot start from savepoint {id}: there is no such savepoint (savepoints: {_savepoints.Ids})";
            _log.Error(_failure);
            Finish(PipelineState.Failed);
            return;
        }
        _restarting = false;
        Persist(new EpochStarted(_epoch), _ =>
        {
            _awaitingRegions = true;
            AskRegions(DateTime.UtcNow + _settings.RegionWait);
        });
    }

    /// <summary>
    /// Asks Akka's shard coordinator which nodes have registered a task region. Regions register a
    /// moment after their node is Up; deploying before would put every task on the first ones.
    /// </summary>
    private void AskRegions(DateTime deadline)
    {
        var epoch = _epoch;
        var members = Cluster.Get(Context.System).State.Members
            .Where(m => m.Status == MemberStatus.Up && m.HasRole(_settings.TaskRole)).Select(m => m.Address).ToList();
        _region.Ask<CurrentRegions>(GetCurrentRegions.Instance, TimeSpan.FromSeconds(2)).ContinueWith(t =>
        {
            var known = t.IsCompletedSuccessfully ? t.Result.Regions : (IImmutableSet<Address>)ImmutableHashSet<Address>.Empty;
            return new RegionsKnown(epoch, deadline, members.Where(m => !known.Contains(m)).ToList());
        }, TaskScheduler.Default).PipeTo(Self);
    }

    private void OnRegionsKnown(RegionsKnown r)
    {
        if (r.Epoch != _epoch || !_awaitingRegions) return;
        if (r.Missing.Count > 0 && DateTime.UtcNow < r.Deadline)
        {
            Timers.StartSingleTimer("await-regions", new AwaitRegions(r.Epoch, r.Deadline), TimeSpan.FromMilliseconds(200));
            return;
        }
        if (r.Missing.Count > 0)
            _log.Warning("pipeline {0}: deploying epoch {1} without the task regions of {2}, which did not register within {3} (streamline.runtime.coordinator.region-wait)",
                _name, _epoch, string.Join(", ", r.Missing), _settings.RegionWait);
        _awaitingRegions = false;
        DeployEpoch();
    }

    private void DeployEpoch()
    {
        var restore = RestorePoint();
        _info = _info with { RestoredFrom = restore?.CheckpointId ?? 0 };
        if (restore is not null) _log.Info("pipeline {0}: epoch {1} restores {2} {3}", _name, _epoch, restore.Kind.ToString().ToLowerInvariant(), restore.CheckpointId);
        foreach (var task in _tasks) _region.Tell(new TaskEnvelope(task, new StartTask(task, Self, _epoch, restore)));
        Timers.StartPeriodicTimer(RetryTimer, RetryDeploy.Instance, _settings.DeployRetryInterval);
        Publish();
    }

    private void OnStarted(TaskStarted s)
    {
        if (s.Epoch != _epoch || _restarting) return;
        _placement[s.Task] = s.Node;
        if (!Sender.IsNobody() && !_entities.ContainsKey(Sender))
        {
            _entities[Sender] = s.Task;
            Context.Watch(Sender);
        }
        if (_placement.Count == _tasks.Count)
        {
            Timers.Cancel(RetryTimer);
            _backoff = _settings.RestartBackoff;
            if (_checkpointing.Interval is { } interval && !Timers.IsTimerActive(CheckpointTimer))
                Timers.StartPeriodicTimer(CheckpointTimer, TriggerNext.Instance, interval);
        }
        Publish();
    }

    private void OnFinished(TaskFinished f)
    {
        if (f.Epoch != _epoch || _restarting) return;
        if (f.Failure is not null)
        {
            Lost(f.Task, $"it failed: {f.Failure}");
            return;
        }
        _finished.Add(f.Task);
        if (_finished.Count == _tasks.Count) Finish(PipelineState.Finished);
    }

    private void Stop()
    {
        _stopping = true;
        Timers.Cancel(CheckpointTimer);
        if (_restarting || _awaitingRegions)
        {
            // Nothing runs (the tasks were stopped for the restart, or not deployed yet): stopped already.
            Timers.Cancel("redeploy");
            Timers.Cancel("await-regions");
            Finish(PipelineState.Finished);
            return;
        }
        foreach (var task in _tasks) _region.Tell(new TaskEnvelope(task, new DrainTask(task, _epoch)));
        Publish();
    }

    private void StartCheckpoint(CheckpointKind kind, IActorRef? requester)
    {
        // One at a time, only while every task runs; a pending one finishes or times out first.
        if (_pending is not null || _restarting || _stopping || _placement.Count < _tasks.Count || _finished.Count > 0) return;
        var id = _nextCheckpointId++;
        _pending = new PendingCheckpoint(id, kind, _epoch, DateTime.UtcNow, requester);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var task in _sourceTasks)
            _region.Tell(new TaskEnvelope(task, new TriggerCheckpoint(task, _epoch, id, timestamp, kind == CheckpointKind.Savepoint)));
        Timers.StartSingleTimer(CheckpointTimeoutTimer, new CheckpointTimedOut(id), _checkpointing.Timeout);
    }

    private void OnCheckpointed(TaskCheckpointed ack)
    {
        if (_pending is not { } pending || pending.Id != ack.CheckpointId || ack.Epoch != _epoch) return;
        if (!pending.Acknowledged.Add(ack.Task)) return;
        pending.Bytes += ack.Bytes;
        if (pending.Acknowledged.Count < _tasks.Count) return;
        // Every task stored its state; what remains is the journal's record (its own timeouts apply).
        Timers.Cancel(CheckpointTimeoutTimer);
        if (_checkpointLog is null)
        {
            FailCheckpoint("the journal is unavailable to record its completion");
            return;
        }
        pending.Recording = true;
        _checkpointLog.Tell(new CheckpointCompleted(pending.Kind, pending.Id, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), new Dictionary<int, int>(_parallelism), pending.Bytes));
    }

    private void OnRecorded(CheckpointLog.Recorded recorded)
    {
        if (recorded.What is SavepointCatalog.StateDeleted deleted)
        {
            _deletesRecording.Remove(deleted);
            _savepoints.Deleted(deleted);
            return;
        }
        // Durable in the journal: this checkpoint is what a restart restores from now on, even if
        // the pipeline restarted meanwhile.
        var c = (CheckpointCompleted)recorded.What;
        Record(c);
        if (_pending is not { } pending || pending.Id != c.CheckpointId) return;
        _pending = null;
        _info = _info with { LastCompletedId = c.CheckpointId, LastCompletedAt = DateTime.UtcNow, LastDuration = DateTime.UtcNow - pending.Started, LastBytes = c.Bytes, ConsecutiveFailures = 0, LastFailure = null };
        if (pending.Epoch == _epoch)
            foreach (var task in _tasks) _region.Tell(new TaskEnvelope(task, new CheckpointDone(task, _epoch, c.CheckpointId, Committed: true)));
        pending.Requester?.Tell(new SavepointResult(_name, c.CheckpointId, null));
        Prune();
        Publish();
    }

    private void StartLog()
    {
        _checkpointLog = Context.ActorOf(CheckpointLog.Props(_name), "checkpoints-" + ++_logIncarnation);
        Context.Watch(_checkpointLog);
    }

    /// <summary>The first history deploys the pipeline; a later log's (after a journal failure) repeats what this coordinator knows.</summary>
    private void OnHistory(CheckpointLog.History history)
    {
        if (_historyLoaded) return;
        _historyLoaded = true;
        foreach (var e in history.Events)
        {
            if (e is CheckpointCompleted c) Record(c);
            else _savepoints.Apply(e);
        }
        Self.Tell(new Redeploy(_epoch));
    }

    /// <summary>
    /// The log stopped: its journal could not be read or written. Before the history is known
    /// nothing can be deployed, so this coordinator stops (the manager starts it again with a
    /// backoff). Later, a checkpoint waiting for its record fails, processing goes on, and a new log
    /// is tried at the next checkpoint interval.
    /// </summary>
    private void LogStopped()
    {
        _checkpointLog = null;
        var why = _logFailure ?? "is the database reachable?";
        _logFailure = null;
        if (!_historyLoaded)
        {
            _log.Error("pipeline {0}: its checkpoint journal cannot be read ({1}); the coordinator stops and is started again by the pipeline manager", _name, why);
            Context.Stop(Self);
            return;
        }
        if (_pending is { Recording: true })
            FailCheckpoint($"the journal could not record its completion ({why})");
        foreach (var d in _deletesRecording) _savepoints.Failed(d with { Error = $"its state was deleted but the journal could not record it ({why})" });
        _deletesRecording.Clear();
        Timers.StartSingleTimer("restart-log", StartCheckpointLog.Instance, _checkpointing.Interval ?? TimeSpan.FromSeconds(1));
    }

    /// <summary>Keeps the last <c>retained</c> checkpoints; deletes the task states of older ones.</summary>
    private void Prune()
    {
        while (_checkpoints.Count > _checkpointing.Retained)
        {
            var dropped = _checkpoints[0];
            _checkpoints.RemoveAt(0);
            var tasks = dropped.Parallelism.Select(kv => (kv.Key, kv.Value)).ToList();
            _storage.DeleteUpToAsync(CheckpointKind.Checkpoint, _name, dropped.CheckpointId, tasks).ContinueWith(t =>
            {
                if (t.IsFaulted) _log.Warning("pipeline {0}: could not delete the state of checkpoint {1}: {2}", _name, dropped.CheckpointId, t.Exception?.GetBaseException().Message);
            }, TaskScheduler.Default);
        }
    }

    private void FailCheckpoint(string reason)
    {
        if (_pending is not { } pending) return;
        Timers.Cancel(CheckpointTimeoutTimer);
        _pending = null;
        var message = $"{pending.Kind.ToString().ToLowerInvariant()} {pending.Id} of pipeline '{_name}' failed: {reason}";
        _log.Warning(message);
        foreach (var task in _tasks) _region.Tell(new TaskEnvelope(task, new CheckpointDone(task, _epoch, pending.Id, Committed: false)));
        pending.Requester?.Tell(new SavepointResult(_name, pending.Id, message));
        _info = _info with { ConsecutiveFailures = _info.ConsecutiveFailures + 1, LastFailure = message };
        Publish();
        if (pending.Kind == CheckpointKind.Checkpoint && _info.ConsecutiveFailures > _checkpointing.TolerableFailures)
            Lost(_tasks[0], $"{_info.ConsecutiveFailures} checkpoints failed in a row (streamline.runtime.checkpoints.tolerable-failures = {_checkpointing.TolerableFailures}); last: {reason}");
    }

    /// <summary>Stops every task of the current epoch and schedules the next deployment after the backoff.</summary>
    private void Lost(TaskId task, string reason)
    {
        if (_restarting) return;
        foreach (var t in _tasks) _region.Tell(new TaskEnvelope(t, new StopTask(t)));
        if (_stopping)
        {
            _log.Warning("pipeline {0}: task {1} lost ({2}) while stopping; stopping the rest without draining", _name, task, reason);
            Finish(PipelineState.Finished);
            return;
        }
        var now = DateTime.UtcNow;
        _restarts.Enqueue(now);
        while (_restarts.Count > 0 && now - _restarts.Peek() > _settings.RestartWindow) _restarts.Dequeue();
        if (_restarts.Count > _settings.MaxRestarts)
        {
            _failure = $"pipeline '{_name}' failed: task {task} was lost ({reason}) and the pipeline already restarted {_restarts.Count - 1} times within {_settings.RestartWindow} " +
                "(streamline.runtime.coordinator.max-restarts / restart-window); fix the cause and submit it again";
            _log.Error(_failure);
            Finish(PipelineState.Failed);
            return;
        }
        _log.Warning("pipeline {0}: task {1} lost ({2}); redeploying epoch {3} in {4}", _name, task, reason, _epoch + 1, _backoff);
        _epoch++;
        _restarting = true;
        _restartCount++;
        _pending = null;
        Timers.Cancel(CheckpointTimeoutTimer);
        Timers.Cancel(CheckpointTimer);
        foreach (var entity in _entities.Keys) Context.Unwatch(entity);
        _entities.Clear();
        _placement.Clear();
        _finished.Clear();
        _reports.Clear();
        Timers.Cancel(RetryTimer);
        Timers.StartSingleTimer("redeploy", new Redeploy(_epoch), _backoff);
        _backoff = TimeSpan.FromTicks(Math.Min(_settings.MaxRestartBackoff.Ticks, Math.Max(_backoff.Ticks * 2, TimeSpan.FromMilliseconds(100).Ticks)));
        Publish();
    }

    private void Publish(PipelineState? final = null)
    {
        var state = final ?? (_restarting ? PipelineState.Restarting : _stopping ? PipelineState.Stopping
            : _placement.Count == _tasks.Count ? PipelineState.Running : PipelineState.Deploying);
        var tasks = _tasks.Select(t =>
        {
            _reports.TryGetValue(t, out var r);
            return new PipelineTaskStatus(t, _placement.TryGetValue(t, out var node) ? node : null, r?.RecordsIn ?? 0, r?.RecordsOut ?? 0,
                r?.BackpressuredFraction ?? 0, r?.BlockedOutputs ?? 0, r?.Watermark ?? long.MinValue, _finished.Contains(t));
        }).ToList();
        var status = new PipelineStatus(_name, state, _epoch, _restartCount, tasks) { Failure = _failure, Checkpoints = _info };
        foreach (var subscriber in _subscribers) subscriber.Tell(status);
    }

    private void Subscribe(IActorRef subscriber)
    {
        if (subscriber.IsNobody() || !_subscribers.Add(subscriber)) return;
        Context.Watch(subscriber);
    }

    private void Finish(PipelineState state)
    {
        Publish(state);
        Context.Parent.Tell(new CoordinatorEnded(_name));
        Context.Stop(Self);
    }

    /// <summary>
    /// The journal could not store an event (the database is unreachable): Akka.Persistence stops
    /// this actor; the manager starts it again after a backoff, and it recovers from the journal.
    /// </summary>
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _log.Error(cause, "pipeline {0}: the coordinator's journal could not store {1}; the coordinator restarts and recovers from its journal", _name, @event.GetType().Name);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    private sealed record Redeploy(int Epoch);

    private sealed class StartCheckpointLog
    {
        public static readonly StartCheckpointLog Instance = new();
    }

    private sealed record AwaitRegions(int Epoch, DateTime Deadline);

    private sealed record RegionsKnown(int Epoch, DateTime Deadline, IReadOnlyList<Address> Missing);

    private sealed record CheckpointTimedOut(long CheckpointId);

    private sealed class RetryDeploy
    {
        public static readonly RetryDeploy Instance = new();
    }

    private sealed class TriggerNext
    {
        public static readonly TriggerNext Instance = new();
    }
}
