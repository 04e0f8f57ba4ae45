using Akka.Actor;
using Akka.Event;
using Streamline.Core.Graph.Physical;
using Streamline.Runtime.Tasks;

namespace Streamline.Runtime.Coordination;

/// <summary>
/// Deploys every task of one pipeline through the shard region, watches where each runs, and
/// redeploys the whole pipeline (a new epoch, after a backoff) when one is lost: its entity
/// stopped, its node left or crashed, or it failed. Too many restarts in a window fail the pipeline.
/// Its status goes to its subscribers (the handles of the nodes that submitted or watch it).
/// </summary>
public sealed class PipelineCoordinator : ReceiveActor, IWithTimers
{
    private const string RetryTimer = "retry-deploy";
    private readonly IActorRef _region;
    private readonly string _name;
    private readonly HashSet<IActorRef> _subscribers = new();
    private readonly RuntimeSettings _settings;
    private readonly IReadOnlyList<TaskId> _tasks;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<TaskId, Address> _placement = new();
    private readonly Dictionary<IActorRef, TaskId> _entities = new();
    private readonly Dictionary<TaskId, TaskStatusReport> _reports = new();
    private readonly HashSet<TaskId> _finished = new();
    private readonly Queue<DateTime> _restarts = new();
    private TimeSpan _backoff;
    private bool _restarting;
    private bool _stopping;
    private int _epoch;
    private int _restartCount;
    private string? _failure;

    public PipelineCoordinator(PhysicalPlan plan, IActorRef region, IActorRef subscriber, RuntimeSettings settings)
    {
        _region = region;
        _name = plan.Definition.Name;
        Subscribe(subscriber);
        _settings = settings;
        _backoff = settings.RestartBackoff;
        _tasks = plan.Vertices.SelectMany(v => Enumerable.Range(0, v.Parallelism).Select(i => new TaskId(plan.Definition.Name, v.Id, i))).ToList();

        Receive<SubscribePipeline>(sub =>
        {
            Subscribe(sub.Subscriber);
            Publish();
        });
        Receive<TaskStarted>(OnStarted);
        Receive<TaskLost>(l => { if (l.Epoch == _epoch) Lost(l.Task, "its entity stopped while running (its node left)"); });
        Receive<Terminated>(t =>
        {
            if (_subscribers.Remove(t.ActorRef)) return;
            if (_entities.Remove(t.ActorRef, out var task) && !_finished.Contains(task)) Lost(task, $"its entity {t.ActorRef.Path} terminated (node left or crashed)");
        });
        Receive<TaskFinished>(OnFinished);
        Receive<TaskStatusReport>(r =>
        {
            if (r.Epoch != _epoch) return;
            _reports[r.Task] = r;
            Publish();
        });
        Receive<StopPipeline>(_ =>
        {
            _stopping = true;
            if (_restarting)
            {
                // Nothing runs (the tasks were stopped for the restart): stopped already.
                Timers.Cancel("redeploy");
                Finish(PipelineState.Finished);
                return;
            }
            foreach (var task in _tasks) _region.Tell(new TaskEnvelope(task, new DrainTask(task, _epoch)));
            Publish();
        });
        Receive<Redeploy>(r => { if (r.Epoch == _epoch) Deploy(); });
        Receive<RetryDeploy>(_ =>
        {
            // Deployments a moving shard dropped: send them again (an entity acknowledges a repeat).
            foreach (var task in _tasks.Where(t => !_placement.ContainsKey(t)))
                _region.Tell(new TaskEnvelope(task, new StartTask(task, Self, _epoch)));
        });
        Deploy();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(PhysicalPlan plan, IActorRef region, IActorRef subscriber, RuntimeSettings settings) =>
        Akka.Actor.Props.Create(() => new PipelineCoordinator(plan, region, subscriber, settings));

    private void Deploy()
    {
        _restarting = false;
        foreach (var task in _tasks) _region.Tell(new TaskEnvelope(task, new StartTask(task, Self, _epoch)));
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
        if (_finished.Count < _tasks.Count) return;
        Finish(PipelineState.Finished);
    }

    /// <summary>Stops every task of the current epoch and schedules the next deployment after the backoff.</summary>
    private void Lost(TaskId task, string reason)
    {
        if (_restarting) return;
        if (_stopping)
        {
            _log.Warning("pipeline {0}: task {1} lost ({2}) while stopping; stopping the rest without draining", _name, task, reason);
            foreach (var t in _tasks) _region.Tell(new TaskEnvelope(t, new StopTask(t)));
            Finish(PipelineState.Finished);
            return;
        }
        var now = DateTime.UtcNow;
        _restarts.Enqueue(now);
        while (_restarts.Count > 0 && now - _restarts.Peek() > _settings.RestartWindow) _restarts.Dequeue();
        foreach (var t in _tasks) _region.Tell(new TaskEnvelope(t, new StopTask(t)));
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
        var status = new PipelineStatus(_name, state, _epoch, _restartCount, tasks) { Failure = _failure };
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
        Context.Stop(Self);
    }

    private sealed record Redeploy(int Epoch);

    private sealed class RetryDeploy
    {
        public static readonly RetryDeploy Instance = new();
    }
}
